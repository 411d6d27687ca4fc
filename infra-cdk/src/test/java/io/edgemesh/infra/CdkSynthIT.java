package io.edgemesh.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the real CDK CLI from npm (tools/node, installed from the project's own package.json) on the
 * app, offline, for the shared mesh and a sandbox. cdk-nag errors would fail these synths.
 */
class CdkSynthIT {

    private static final Path ROOT = EdgeMeshApp.projectRoot();

    @Test
    void cdk_cli_synthesises_the_shared_mesh() throws Exception {
        Path out = ROOT.resolve("infra-cdk/target/cdk.out-shared");
        Result r = cdk(out, List.of());
        assertThat(r.exit).as(r.output).isZero();
        assertThat(out.resolve("EdgeMesh.template.json")).exists();
        assertThat(Files.readString(out.resolve("EdgeMesh.template.json"))).contains("\"Runtime\": \"java21\"");
    }

    @Test
    void cdk_cli_synthesises_a_tenant_sandbox() throws Exception {
        Path out = ROOT.resolve("infra-cdk/target/cdk.out-sandbox");
        Result r = cdk(out, List.of("-c", "sandbox=acme"));
        assertThat(r.exit).as(r.output).isZero();
        assertThat(out.resolve("EdgeMesh-sandbox-acme.template.json")).exists();
        assertThat(out.resolve("EdgeMesh.template.json")).doesNotExist();
    }

    private record Result(int exit, String output) { }

    private static Result cdk(Path out, List<String> extra) throws IOException, InterruptedException {
        Path cli = ROOT.resolve("tools/node/node_modules/.bin/cdk");
        if (!Files.isExecutable(cli)) {
            // the project's own package.json pins the CLI; no binaries are downloaded (--ignore-scripts)
            Process npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                    .directory(ROOT.resolve("tools/node").toFile()).inheritIO().start();
            assertThat(npm.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(npm.exitValue()).as("npm ci in tools/node").isZero();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        String app = java + " -Dedgemesh.root=" + ROOT + " -cp " + System.getProperty("java.class.path")
                + " io.edgemesh.infra.EdgeMeshApp";
        List<String> cmd = new ArrayList<>(List.of(cli.toString(), "synth", "--quiet", "--no-notices", "--no-version-reporting",
                "--app", app, "--output", out.toString()));
        cmd.addAll(extra);
        Process p = new ProcessBuilder(cmd).directory(ROOT.resolve("infra-cdk").toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("cdk synth timed out\n" + output);
        }
        return new Result(p.exitValue(), output);
    }
}
