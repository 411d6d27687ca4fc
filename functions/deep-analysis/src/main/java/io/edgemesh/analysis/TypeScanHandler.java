package io.edgemesh.analysis;

import io.edgemesh.analysis.internal.ScannerFunction;
import io.edgemesh.analysis.scan.TypeScanner;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.routes.EdgeMeshResources;
import java.util.Map;

/** Lambda handler for the type-and-size scanner, fed by the {@code scan-type} queue. */
public final class TypeScanHandler extends ScannerFunction {
    public TypeScanHandler() {
        this(FunctionConfig.fromSystem());
    }

    public TypeScanHandler(Map<String, String> env) {
        this(FunctionConfig.of(env));
    }

    private TypeScanHandler(FunctionConfig config) {
        super(EdgeMeshResources.SCAN_TYPE_FN, config, c -> new TypeScanner());
    }
}
