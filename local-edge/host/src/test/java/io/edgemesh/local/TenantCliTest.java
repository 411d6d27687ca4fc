package io.edgemesh.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return TenantCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void missingIdOrOriginIsAUsageError() {
        assertThat(run(Map.of(), "create", "--id", "acme")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--id and --origin are required");
        assertThat(run(Map.of(), "delete")).isEqualTo(2);
    }

    @Test
    void withoutAnAdminTokenItSaysWhereOneComesFrom() {
        assertThat(run(Map.of(), "create", "--id", "acme", "--origin", "https://acme.example", "--data", dir.toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("EDGEMESH_ADMIN_TOKEN");
    }

    @Test
    void anEdgeThatIsNotRunningIsAClearError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThat(run(Map.of("EDGEMESH_ADMIN_TOKEN", "t"), "create", "--id", "acme", "--origin", "https://acme.example",
                "--url", "http://127.0.0.1:" + port)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing answers").contains("./edgemesh dev");
    }
}
