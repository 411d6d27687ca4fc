package io.edgemesh.envelope;

import static io.edgemesh.envelope.Fixtures.RING;
import static io.edgemesh.envelope.Fixtures.T0;
import static io.edgemesh.envelope.Fixtures.TENANT;
import static io.edgemesh.envelope.Fixtures.TENANTS;
import static io.edgemesh.envelope.Fixtures.body;
import static io.edgemesh.envelope.Fixtures.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AES-256-GCM sealed bodies: opaque on the wire, bound to their envelope. */
class SealingTest {
    private final MutableClock clock = new MutableClock(T0);
    private final EnvelopeSigner signer = EnvelopeSigner.hmac(KeySource.of(RING), clock, Duration.ofSeconds(60));

    private EnvelopeVerifier verifier() {
        return EnvelopeVerifier.builder("tiny-ml").hmac(KeySource.of(RING)).replayGuard(ReplayGuard.inMemory(clock)).clock(clock).build();
    }

    @Test
    void aSealedBodyTravelsEncryptedAndOpensAtTheTarget() {
        // GIVEN a body with personal data
        byte[] plain = "{\"tenantId\":\"acme\",\"email\":\"ada@example.com\"}".getBytes(StandardCharsets.UTF_8);
        // WHEN it is signed sealed
        SignedMessage m = signer.sign(call("r1"), plain, Sealing.A256GCM);
        // THEN the wire body does not contain it, and the verifier returns it
        assertThat(new String(m.body(), StandardCharsets.ISO_8859_1)).doesNotContain("ada@example.com");
        assertThat(m.envelope().sealing()).isEqualTo(Sealing.A256GCM);
        assertThat(verifier().verify(m.envelope(), m.body(), TENANTS).body()).isEqualTo(plain);
    }

    @Test
    void aSealedBodyMovedUnderAnotherEnvelopeDoesNotOpen() {
        // GIVEN two sealed calls, and an attacker holding the key who re-signs envelope B with A's ciphertext
        SignedMessage a = signer.sign(call("r1"), body(TENANT), Sealing.A256GCM);
        SignedMessage b = signer.sign(call("r2"), body(TENANT), Sealing.A256GCM);
        Map<String, String> fields = b.envelope().toFields();
        fields.put("bodySha256", a.envelope().bodySha256());
        Envelope swapped = EnvelopeVerificationMatrixTest.resign(RING, fields);
        // WHEN / THEN the GCM tag binds the ciphertext to A's header, so B's does not open it
        assertThatThrownBy(() -> verifier().verify(swapped, a.body(), TENANTS))
                .isInstanceOfSatisfying(EnvelopeRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.BODY_MISMATCH));
    }

    @Test
    void aTamperedCiphertextIsBodyMismatch() {
        SignedMessage m = signer.sign(call("r1"), body(TENANT), Sealing.A256GCM);
        byte[] wire = m.body();
        wire[20] ^= 0x01;
        assertThatThrownBy(() -> verifier().verify(m.envelope(), wire, TENANTS))
                .isInstanceOfSatisfying(EnvelopeRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.BODY_MISMATCH));
    }

    @Test
    void twoSealsOfTheSameBodyDiffer() {
        assertThat(signer.sign(call("r1"), body(TENANT), Sealing.A256GCM).body())
                .isNotEqualTo(signer.sign(call("r1"), body(TENANT), Sealing.A256GCM).body());
    }
}
