package io.edgemesh.infra;

import io.edgemesh.infra.internal.MeshAssembly;
import io.edgemesh.infra.internal.NagPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.constructs.Construct;

/** The shared, multi-tenant mesh: every layer, its data and its observability. */
public class EdgeMeshStack extends Stack {
    private final MeshAssembly mesh;

    public EdgeMeshStack(Construct scope, String id, StackProps props, MeshSpec spec) {
        super(scope, id, props);
        Tags.of(this).add("edgemesh:deployment", spec.prefix());
        this.mesh = new MeshAssembly(this, spec);
        NagPolicy.apply(this);
    }

    public MeshAssembly mesh() { return mesh; }
}
