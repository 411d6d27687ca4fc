package io.edgemesh.local;

import io.edgemesh.emulators.Emulators;
import io.edgemesh.routes.Names;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How to run the local edge.
 *
 * @param port              the one HTTP port on loopback; 0 picks a free one
 * @param dataDir           state folder (servers, secrets, demo tenant, notification log); null = in memory
 * @param prefix            resource name prefix ({@code edgemesh})
 * @param emulators         servers to use instead of starting new ones (tests pass the shared
 *                          instance); the edge does not close them
 * @param functions         how handlers are made ({@link FunctionFactory#reflective()} normally)
 * @param adminToken        fixed admin token ({@code EDGEMESH_ADMIN_TOKEN}), or null to generate/read one
 * @param extraEnvironment  added to every function's environment (e.g. {@code EDGEMESH_*} settings of the shell)
 * @param s3ScanInterval    how often the uploads bucket is listed for new objects
 * @param createDemoTenant  create the demo tenant when the admin and ingress functions are loaded
 */
public record LocalEdgeConfig(int port, Path dataDir, String prefix, Emulators emulators, FunctionFactory functions,
                              String adminToken, Map<String, String> extraEnvironment, Duration s3ScanInterval,
                              boolean createDemoTenant) {

    public static final int DEFAULT_PORT = 8787;
    public static final Duration DEFAULT_S3_SCAN = Duration.ofMillis(250);

    public LocalEdgeConfig {
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be 0-65535: " + port);
        if (prefix == null || prefix.isBlank()) prefix = Names.DEFAULT_PREFIX;
        if (functions == null) functions = FunctionFactory.reflective();
        extraEnvironment = extraEnvironment == null ? Map.of() : Map.copyOf(extraEnvironment);
        if (s3ScanInterval == null) s3ScanInterval = DEFAULT_S3_SCAN;
        if (dataDir != null) dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** In memory on a free port with every function from the class path. */
    public static LocalEdgeConfig inMemory() {
        return new LocalEdgeConfig(0, null, Names.DEFAULT_PREFIX, null, null, null, Map.of(), null, true);
    }

    public LocalEdgeConfig withPort(int value) {
        return new LocalEdgeConfig(value, dataDir, prefix, emulators, functions, adminToken, extraEnvironment, s3ScanInterval, createDemoTenant);
    }

    public LocalEdgeConfig withDataDir(Path value) {
        return new LocalEdgeConfig(port, value, prefix, emulators, functions, adminToken, extraEnvironment, s3ScanInterval, createDemoTenant);
    }

    public LocalEdgeConfig withPrefix(String value) {
        return new LocalEdgeConfig(port, dataDir, value, emulators, functions, adminToken, extraEnvironment, s3ScanInterval, createDemoTenant);
    }

    public LocalEdgeConfig withEmulators(Emulators value) {
        return new LocalEdgeConfig(port, dataDir, prefix, value, functions, adminToken, extraEnvironment, s3ScanInterval, createDemoTenant);
    }

    public LocalEdgeConfig withFunctions(FunctionFactory value) {
        return new LocalEdgeConfig(port, dataDir, prefix, emulators, value, adminToken, extraEnvironment, s3ScanInterval, createDemoTenant);
    }

    public LocalEdgeConfig withAdminToken(String value) {
        return new LocalEdgeConfig(port, dataDir, prefix, emulators, functions, value, extraEnvironment, s3ScanInterval, createDemoTenant);
    }

    public LocalEdgeConfig withExtraEnvironment(Map<String, String> value) {
        return new LocalEdgeConfig(port, dataDir, prefix, emulators, functions, adminToken, value, s3ScanInterval, createDemoTenant);
    }

    public LocalEdgeConfig withS3ScanInterval(Duration value) {
        return new LocalEdgeConfig(port, dataDir, prefix, emulators, functions, adminToken, extraEnvironment, value, createDemoTenant);
    }

    public LocalEdgeConfig withDemoTenant(boolean value) {
        return new LocalEdgeConfig(port, dataDir, prefix, emulators, functions, adminToken, extraEnvironment, s3ScanInterval, value);
    }
}
