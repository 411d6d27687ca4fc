package io.edgemesh.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgemesh.envelope.internal.SecretsManagerKeySource;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The environment spec and the Secrets Manager secret format, and the secret's caching rules. */
class KeySourceTest {
    static final String K1 = Base64.getEncoder().encodeToString(Fixtures.key(1));
    static final String K2 = Base64.getUrlEncoder().withoutPadding().encodeToString(Fixtures.key(200));

    @Test
    void theFirstKeyOfTheSpecSignsAndEveryKeyVerifies() {
        KeyRing ring = KeySource.fromSpec(" k1:" + K1 + " , k2:" + K2).current();
        assertThat(ring.primaryKeyId()).isEqualTo("k1");
        assertThat(ring.keyIds()).containsExactly("k1", "k2");
        assertThat(ring.key("k2")).hasValueSatisfying(k -> assertThat(k).isEqualTo(Fixtures.key(200)));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''|empty",
            "k1|entry 1 is not kid:base64key",
            "k1:|entry 1 is not kid:base64key",
            ":abc|entry 1 is not kid:base64key",
            "k1:!!notbase64!!|entry 1 is not valid base64",
            "k1:c2hvcnQ=|shorter than 32 bytes",
            "bad id:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=|key id must match",
            "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=,k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=|appears twice"})
    void badSpecsAreRefusedNamingTheProblemButNeverTheKey(String spec, String message) {
        assertThatThrownBy(() -> KeySource.fromSpec(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message).hasMessageNotContaining("AAECAwQF").hasMessageNotContaining("c2hvcnQ");
    }

    @Test
    void theSecretNamesThePrimaryAndTheKeys() {
        KeyRing ring = SecretsManagerKeySource.parse("{\"primary\":\"k2\",\"keys\":{\"k1\":\"" + K1 + "\",\"k2\":\"" + K2 + "\"}}");
        assertThat(ring.primaryKeyId()).isEqualTo("k2");
        assertThat(ring.keyIds()).containsExactlyInAnyOrder("k1", "k2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json|not JSON",
            "[]|not a JSON object",
            "{\"keys\":{}}|no \"primary\"",
            "{\"primary\":\"k1\"}|no \"keys\"",
            "{\"primary\":\"k3\",\"keys\":{\"k1\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\"}}|not in the ring",
            "{\"primary\":\"k1\",\"keys\":{\"k1\":5}}|not a string"})
    void malformedSecretsAreRefused(String secret, String message) {
        assertThatThrownBy(() -> SecretsManagerKeySource.parse(secret)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void theSecretIsReadOncePerRefreshIntervalAndAFailedRefreshKeepsTheLastGoodRing() {
        // GIVEN a secret that a test can change and break, and a 5-minute refresh
        MutableClock clock = new MutableClock(Fixtures.T0);
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<String> secret = new AtomicReference<>("{\"primary\":\"k1\",\"keys\":{\"k1\":\"" + K1 + "\"}}");
        KeySource source = new SecretsManagerKeySource(() -> {
            reads.incrementAndGet();
            String s = secret.get();
            if (s == null) throw new IllegalStateException("Secrets Manager is down");
            return s;
        }, "arn:secret", Duration.ofMinutes(5), clock);

        // WHEN it is used many times within the interval THEN it is read once
        for (int i = 0; i < 100; i++) source.current();
        assertThat(reads.get()).isEqualTo(1);

        // WHEN the interval passes while Secrets Manager is down THEN the old ring stays in use
        secret.set(null);
        clock.advanceSeconds(301);
        assertThat(source.current().primaryKeyId()).isEqualTo("k1");
        assertThat(reads.get()).isEqualTo(2);
        // AND it is not retried on every call
        source.current();
        source.refreshed();
        assertThat(reads.get()).isEqualTo(2);

        // WHEN it is back with a rotated ring THEN the next retry picks it up
        secret.set("{\"primary\":\"k2\",\"keys\":{\"k1\":\"" + K1 + "\",\"k2\":\"" + K2 + "\"}}");
        clock.advanceSeconds(31);
        assertThat(source.current().primaryKeyId()).isEqualTo("k2");
    }

    @Test
    void anUnknownKeyIdForcesARefreshAtMostOncePerRetryInterval() {
        MutableClock clock = new MutableClock(Fixtures.T0);
        AtomicInteger reads = new AtomicInteger();
        KeySource source = new SecretsManagerKeySource(() -> {
            reads.incrementAndGet();
            return "{\"primary\":\"k1\",\"keys\":{\"k1\":\"" + K1 + "\"}}";
        }, "arn:secret", Duration.ofMinutes(5), clock);
        source.current();
        clock.advanceSeconds(31);
        source.refreshed();
        source.refreshed();
        assertThat(reads.get()).isEqualTo(2);
    }

    @Test
    void aSecretThatCannotBeReadAtStartIsAnError() {
        KeySource source = new SecretsManagerKeySource(() -> {
            throw new IllegalStateException("AccessDenied");
        }, "arn:secret", Duration.ofMinutes(5), new MutableClock(Fixtures.T0));
        assertThatThrownBy(source::current).isInstanceOf(IllegalStateException.class).hasMessageContaining("arn:secret");
    }

    @Test
    void theRingNeverPrintsKeyBytes() {
        assertThat(KeySource.fromSpec("k1:" + K1).current().toString()).doesNotContain(K1).contains("k1");
    }
}
