package io.edgemesh.envelope;

import static io.edgemesh.envelope.Fixtures.T0;
import static io.edgemesh.envelope.Fixtures.TENANT;
import static io.edgemesh.envelope.Fixtures.TENANTS;
import static io.edgemesh.envelope.Fixtures.body;
import static io.edgemesh.envelope.Fixtures.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Ed25519 envelopes: both providers agree byte for byte, and verifiers hold public keys only. */
class Ed25519EnvelopeTest {
    private final MutableClock clock = new MutableClock(T0);
    // RFC 8032 section 7.1, test 1: the seed and its public key.
    private static final byte[] RFC_SEED = HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final byte[] RFC_PUBLIC = HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

    @Test
    void theSeedDerivesTheRfc8032PublicKey() {
        assertThat(Ed25519SigningKey.fromSeed("ed1", RFC_SEED).publicKey()).isEqualTo(RFC_PUBLIC);
    }

    @ParameterizedTest(name = "signed by {0}, verified by {1}")
    @CsvSource({"JDK, JDK", "JDK, BOUNCY_CASTLE", "BOUNCY_CASTLE, JDK", "BOUNCY_CASTLE, BOUNCY_CASTLE"})
    void envelopesSignedByOneProviderVerifyWithTheOther(Ed25519Provider signer, Ed25519Provider verifier) {
        // GIVEN a signing key and a verifier holding only its public key
        Ed25519SigningKey key = Ed25519SigningKey.fromSeed("ed1", RFC_SEED);
        SignedMessage m = EnvelopeSigner.ed25519(key, signer, clock, Duration.ofSeconds(60))
                .sign(call(UUID.randomUUID().toString()), body(TENANT));
        EnvelopeVerifier v = EnvelopeVerifier.builder("tiny-ml").ed25519(Ed25519PublicKeys.of(key), verifier)
                .replayGuard(ReplayGuard.inMemory(clock)).clock(clock).build();
        // WHEN / THEN it verifies, and the signature is RFC 8032's deterministic one whichever provider made it
        assertThat(v.verify(m.envelope(), m.body(), TENANTS).body()).isEqualTo(body(TENANT));
        assertThat(m.envelope().algorithm()).isEqualTo(Algorithm.ED25519);
    }

    @Test
    void bothProvidersProduceTheSameSignature() {
        Ed25519SigningKey key = Ed25519SigningKey.fromSeed("ed1", RFC_SEED);
        Call c = call("fixed-request");
        String jdk = EnvelopeSigner.ed25519(key, Ed25519Provider.JDK, clock, Duration.ofSeconds(60)).sign(c, body(TENANT)).envelope().signature();
        String bc = EnvelopeSigner.ed25519(key, Ed25519Provider.BOUNCY_CASTLE, clock, Duration.ofSeconds(60)).sign(c, body(TENANT)).envelope().signature();
        assertThat(bc).isEqualTo(jdk);
    }

    @ParameterizedTest
    @CsvSource({"JDK", "BOUNCY_CASTLE"})
    void aSignatureByAnotherKeyIsBadAndAnUnlistedKeyIdIsUnknown(Ed25519Provider provider) {
        Ed25519SigningKey trusted = Ed25519SigningKey.generate("ed1");
        Ed25519SigningKey impostor = Ed25519SigningKey.generate("ed1");
        Ed25519SigningKey stranger = Ed25519SigningKey.generate("ed9");
        EnvelopeVerifier v = EnvelopeVerifier.builder("tiny-ml").ed25519(Ed25519PublicKeys.of(trusted), provider)
                .replayGuard(ReplayGuard.inMemory(clock)).clock(clock).build();
        SignedMessage forged = EnvelopeSigner.ed25519(impostor, provider, clock, Duration.ofSeconds(60)).sign(call("r1"), body(TENANT));
        SignedMessage unknown = EnvelopeSigner.ed25519(stranger, provider, clock, Duration.ofSeconds(60)).sign(call("r2"), body(TENANT));
        assertThatThrownBy(() -> v.verify(forged.envelope(), forged.body(), TENANTS))
                .isInstanceOfSatisfying(EnvelopeRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.BAD_SIGNATURE));
        assertThatThrownBy(() -> v.verify(unknown.envelope(), unknown.body(), TENANTS))
                .isInstanceOfSatisfying(EnvelopeRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.UNKNOWN_KEY_ID));
    }

    @Test
    void ed25519SignersCannotSeal() {
        EnvelopeSigner s = EnvelopeSigner.ed25519(Ed25519SigningKey.generate("ed1"), Ed25519Provider.JDK, clock, Duration.ofSeconds(60));
        assertThatThrownBy(() -> s.sign(call("r1"), body(TENANT), Sealing.A256GCM)).isInstanceOf(UnsupportedOperationException.class);
    }
}
