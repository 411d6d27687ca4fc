package io.edgemesh.analysis;

import io.edgemesh.analysis.internal.ScannerFunction;
import io.edgemesh.analysis.scan.SecretsScanner;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.routes.EdgeMeshResources;
import java.util.Map;

/** Lambda handler for the secrets and hidden-instructions scanner, fed by the {@code scan-secrets} queue. */
public final class SecretsScanHandler extends ScannerFunction {
    public SecretsScanHandler() {
        this(FunctionConfig.fromSystem());
    }

    public SecretsScanHandler(Map<String, String> env) {
        this(FunctionConfig.of(env));
    }

    private SecretsScanHandler(FunctionConfig config) {
        super(EdgeMeshResources.SCAN_SECRETS_FN, config, c -> new SecretsScanner());
    }
}
