package io.edgemesh.analysis;

import io.edgemesh.analysis.internal.ClamdClient;
import io.edgemesh.analysis.internal.ScannerFunction;
import io.edgemesh.analysis.scan.SignatureScanner;
import io.edgemesh.common.FunctionConfig;
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
        this(FunctionConfig.fromSystem());
    }

    public SignatureScanHandler(Map<String, String> env) {
        this(FunctionConfig.of(env));
    }

    private SignatureScanHandler(FunctionConfig config) {
        super(EdgeMeshResources.SCAN_SIGNATURES_FN, config, c -> new SignatureScanner(Set.of(),
                ClamdClient.fromAddress(clamdAddress(c), Duration.ofSeconds(2), Duration.ofSeconds(30))));
    }
}
