package io.edgemesh.analysis;

import io.edgemesh.analysis.internal.ScannerFunction;
import io.edgemesh.analysis.scan.ActiveContentScanner;
import io.edgemesh.routes.EdgeMeshResources;
import java.util.Map;

/** Lambda handler for the PDF active-content scanner, fed by the {@code scan-active-content} queue. */
public final class ActiveContentScanHandler extends ScannerFunction {
    public ActiveContentScanHandler() {
        this(System.getenv());
    }

    public ActiveContentScanHandler(Map<String, String> env) {
        super(EdgeMeshResources.SCAN_ACTIVE_CONTENT_FN, env, config -> new ActiveContentScanner());
    }
}
