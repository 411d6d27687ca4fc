package io.edgemesh.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app. {@code cdk deploy --all} deploys the shared mesh ({@code EdgeMesh});
 * {@code cdk deploy --all -c sandbox=<tenant>} deploys only that tenant's sandbox copy
 * ({@code EdgeMesh-sandbox-<tenant>}). cdk-nag's AWS Solutions checks run on every synth and fail
 * it on any unsuppressed error.
 */
public final class EdgeMeshApp {

    private EdgeMeshApp() { }

    public static void main(String[] args) {
        App app = new App();
        build(app, projectRoot());
        app.synth();
    }

    /** Adds the stacks the context asks for to {@code app}; returns the one built. */
    public static software.amazon.awscdk.Stack build(App app, Path root) {
        StackProps props = StackProps.builder()
                .env(Environment.builder()
                        .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                        .region(System.getenv("CDK_DEFAULT_REGION"))
                        .build())
                .description("EdgeMesh: multi-tenant embeddable AI chatbot on AWS Lambda")
                .build();
        Object sandbox = app.getNode().tryGetContext("sandbox");
        software.amazon.awscdk.Stack stack;
        if (sandbox != null && !sandbox.toString().isBlank()) {
            MeshSpec spec = MeshSpec.sandbox(sandbox.toString().trim(), root);
            stack = new TenantSandboxStack(app, "EdgeMesh-sandbox-" + spec.tenant(), props, spec);
        } else {
            stack = new EdgeMeshStack(app, "EdgeMesh", props, MeshSpec.shared(root));
        }
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stack;
    }

    /** The repository root: {@code edgemesh.root}, else the nearest parent holding {@code mvnw}. */
    static Path projectRoot() {
        String prop = System.getProperty("edgemesh.root");
        if (prop != null && !prop.isBlank()) return Path.of(prop).toAbsolutePath();
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the EdgeMesh root (no mvnw above " + Path.of("").toAbsolutePath() + ")");
        return p;
    }
}
