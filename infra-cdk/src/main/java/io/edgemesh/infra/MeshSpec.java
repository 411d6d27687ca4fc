package io.edgemesh.infra;

import java.nio.file.Path;

/**
 * What differs between the shared mesh and a tenant sandbox copy.
 *
 * @param prefix     physical-name prefix: {@code edgemesh} or {@code edgemesh-<tenant>}
 * @param tenant     the sandbox's only tenant, or null for the shared multi-tenant mesh
 * @param projectRoot where the function modules' {@code target/*-lambda.jar} packages are
 * @param retainData keep tables and buckets when the stack is deleted (the shared mesh does)
 */
public record MeshSpec(String prefix, String tenant, Path projectRoot, boolean retainData) {

    public static MeshSpec shared(Path root) {
        return new MeshSpec("edgemesh", null, root, true);
    }

    public static MeshSpec sandbox(String tenant, Path root) {
        if (!tenant.matches("^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$")) {
            throw new IllegalArgumentException("sandbox tenant id must be 3-32 chars of a-z, 0-9 and '-': " + tenant);
        }
        return new MeshSpec("edgemesh-" + tenant, tenant, root, false);
    }

    public boolean isSandbox() { return tenant != null; }
}
