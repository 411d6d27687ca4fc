package io.edgemesh.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.envelope.KeySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

    @TempDir
    Path dir;

    @Test
    void secretsAreGeneratedOnceAndReadBackOnRestart() throws Exception {
        LocalSecrets first = LocalSecrets.loadOrCreate(dir, null);
        LocalSecrets second = LocalSecrets.loadOrCreate(dir, null);
        assertThat(second).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(dir.resolve(LocalSecrets.FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(LocalSecrets.storedAdminToken(dir)).contains(first.adminToken());
    }

    @Test
    void theAdminTokenFromTheEnvironmentWinsAndIsNotWritten() throws Exception {
        LocalSecrets s = LocalSecrets.loadOrCreate(dir, "from-env-token-123");
        assertThat(s.adminToken()).isEqualTo("from-env-token-123");
        assertThat(s.adminTokenFromEnvironment()).isTrue();
        assertThat(Files.readString(dir.resolve(LocalSecrets.FILE))).doesNotContain("from-env-token-123");
    }

    @Test
    void theKeyRingIsAValidSpecAndTheSessionKeyIs32Bytes() {
        LocalSecrets s = LocalSecrets.generate(null);
        assertThat(KeySource.fromSpec(s.envelopeKeys())).isNotNull();
        assertThat(java.util.Base64.getDecoder().decode(s.sessionKey())).hasSize(32);
        assertThat(s.toString()).doesNotContain(s.adminToken());
    }
}
