package io.edgemesh.emulators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProvisionerTest {

    @ParameterizedTest
    @ValueSource(strings = {"edgemesh", "edgemesh-t-42", "it-redrive", "a"})
    void prefixesThatMakeValidBucketAndQueueNamesAreAccepted(String prefix) {
        assertThat(Provisioner.checkPrefix(prefix)).isEqualTo(prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "EdgeMesh", "-edgemesh", "edge_mesh", "edge.mesh", "edge mesh",
            "a-prefix-that-is-far-too-long-for-an-s3-bucket-name"})
    void prefixesThatWouldBreakABucketOrQueueNameAreRejected(String prefix) {
        assertThatThrownBy(() -> Provisioner.checkPrefix(prefix)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefix");
    }
}
