package io.edgemesh.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmulatorOptionsTest {

    @Test
    void inMemoryUsesFreePortsAndNoFolder() {
        EmulatorOptions options = EmulatorOptions.inMemory();
        assertThat(options.dataDir()).isNull();
        assertThat(options.inMemoryOnly()).isTrue();
        assertThat(options).isEqualTo(new EmulatorOptions(null, 0, 0, 0));
    }

    @Test
    void aRelativeDataFolderIsMadeAbsoluteSoChildrenInAnotherWorkingDirectoryFindIt() {
        EmulatorOptions options = EmulatorOptions.persistent(Path.of("data/../.edgemesh"));
        assertThat(options.dataDir()).isEqualTo(Path.of("").toAbsolutePath().resolve(".edgemesh"));
    }

    @Test
    void portsOutsideTheTcpRangeAreRejectedNamingTheField() {
        assertThatThrownBy(() -> EmulatorOptions.inMemory().withPorts(0, 70_000, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sqsPort");
        assertThatThrownBy(() -> EmulatorOptions.builder().dynamoPort(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dynamoPort");
    }

    @Test
    void persistentRequiresAFolder() {
        assertThatThrownBy(() -> EmulatorOptions.persistent(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBuilderSetsEachField() {
        EmulatorOptions options = EmulatorOptions.builder().dataDir(Path.of("/tmp/x"))
                .dynamoPort(1).sqsPort(2).s3Port(3).build();
        assertThat(options).isEqualTo(new EmulatorOptions(Path.of("/tmp/x"), 1, 2, 3));
    }
}
