package io.edgemesh.infra;

import io.edgemesh.infra.internal.MeshAssembly;
import io.edgemesh.infra.internal.NagPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.constructs.Construct;

/**
 * An isolated copy of the mesh for one tenant ({@code -c sandbox=<tenant>}): its own key, tables,
 * queues, buckets, secrets and functions, all named {@code edgemesh-<tenant>-…}, with data
 * permissions narrowed to that tenant's partition keys and S3 prefix. Nothing is shared with the
 * main mesh, and deleting the stack deletes the copy.
 */
public class TenantSandboxStack extends Stack {
    private final MeshAssembly mesh;

    public TenantSandboxStack(Construct scope, String id, StackProps props, MeshSpec spec) {
        super(scope, id, props);
        if (!spec.isSandbox()) throw new IllegalArgumentException("a sandbox stack needs a tenant");
        Tags.of(this).add("edgemesh:deployment", spec.prefix());
        Tags.of(this).add("edgemesh:tenant", spec.tenant());
        this.mesh = new MeshAssembly(this, spec);
        NagPolicy.apply(this);
    }

    public MeshAssembly mesh() { return mesh; }
}
