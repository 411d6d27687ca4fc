package io.edgemesh.analysis;

import io.edgemesh.analysis.internal.ClamdClient;
import io.edgemesh.analysis.internal.ScannerFunction;
import io.edgemesh.analysis.scan.SignatureScanner;
import io.edgemesh.routes.EdgeMeshResources;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Lambda handler for the signature scanner (EICAR, SHA-256 blocklist, clamd when
 * {@code EDGEMESH_CLAMD_ADDRESS} is set), fed by the {@code scan-signatures} queue.
 */
public final class SignatureScanHandler extends ScannerFunction {
    public SignatureScanHandler() {
        this(System.getenv());
    }

    public SignatureScanHandler(Map<String, String> env) {
        super(EdgeMeshResources.SCAN_SIGNATURES_FN, env, config -> new SignatureScanner(Set.of(),
                ClamdClient.fromAddress(clamdAddress(config), Duration.ofSeconds(2), Duration.ofSeconds(30))));
    }
}
