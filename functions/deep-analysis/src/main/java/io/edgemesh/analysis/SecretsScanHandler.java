package io.edgemesh.analysis;

import io.edgemesh.analysis.internal.ScannerFunction;
import io.edgemesh.analysis.scan.SecretsScanner;
import io.edgemesh.routes.EdgeMeshResources;
import java.util.Map;

/** Lambda handler for the secrets and hidden-instructions scanner, fed by the {@code scan-secrets} queue. */
public final class SecretsScanHandler extends ScannerFunction {
    public SecretsScanHandler() {
        this(System.getenv());
    }

    public SecretsScanHandler(Map<String, String> env) {
        super(EdgeMeshResources.SCAN_SECRETS_FN, env, config -> new SecretsScanner());
    }
}
