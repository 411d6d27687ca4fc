package io.edgemesh.analysis;

import io.edgemesh.analysis.internal.ScannerFunction;
import io.edgemesh.analysis.scan.TypeScanner;
import io.edgemesh.routes.EdgeMeshResources;
import java.util.Map;

/** Lambda handler for the type-and-size scanner, fed by the {@code scan-type} queue. */
public final class TypeScanHandler extends ScannerFunction {
    public TypeScanHandler() {
        this(System.getenv());
    }

    public TypeScanHandler(Map<String, String> env) {
        super(EdgeMeshResources.SCAN_TYPE_FN, env, config -> new TypeScanner());
    }
}
