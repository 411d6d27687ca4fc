package io.edgemesh.analysis;

import io.edgemesh.analysis.internal.ScannerFunction;
import io.edgemesh.analysis.scan.ActiveContentScanner;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.routes.EdgeMeshResources;
import java.util.Map;

/** Lambda handler for the PDF active-content scanner, fed by the {@code scan-active-content} queue. */
public final class ActiveContentScanHandler extends ScannerFunction {
    public ActiveContentScanHandler() {
        this(FunctionConfig.fromSystem());
    }

    public ActiveContentScanHandler(Map<String, String> env) {
        this(FunctionConfig.of(env));
    }

    private ActiveContentScanHandler(FunctionConfig config) {
        super(EdgeMeshResources.SCAN_ACTIVE_CONTENT_FN, config, c -> new ActiveContentScanner());
    }
}
