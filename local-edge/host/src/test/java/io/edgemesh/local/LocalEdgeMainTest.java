package io.edgemesh.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalEdgeMainTest {

    @Test
    void defaultsArePort8787AndTheDataFolderUnderTheRoot() {
        LocalEdgeMain.Options o = LocalEdgeMain.parse(new String[] {"--root", "/tmp/proj"});
        assertThat(o.port()).isEqualTo(8787);
        assertThat(o.effectiveDataDir()).isEqualTo(Path.of("/tmp/proj/.edgemesh"));
    }

    @Test
    void inMemoryMeansNoDataFolder() {
        LocalEdgeMain.Options o = LocalEdgeMain.parse(new String[] {"--in-memory", "--port", "18787"});
        assertThat(o.effectiveDataDir()).isNull();
        assertThat(o.port()).isEqualTo(18787);
    }

    @Test
    void badFlagsAreUsageErrorsWithExitCode2() {
        for (String[] args : new String[][] {{"--port"}, {"--port", "x"}, {"--port", "70000"}, {"--bogus"},
                {"--data", "/x", "--in-memory"}}) {
            assertThatThrownBy(() -> LocalEdgeMain.parse(args)).isInstanceOfSatisfying(StartupException.class,
                    e -> assertThat(e.reason().exitCode()).isEqualTo(2));
        }
    }
}
