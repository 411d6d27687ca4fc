package io.edgemesh.envelope;

import static io.edgemesh.envelope.Fixtures.RING;
import static io.edgemesh.envelope.Fixtures.T0;
import static io.edgemesh.envelope.Fixtures.TENANT;
import static io.edgemesh.envelope.Fixtures.TENANTS;
import static io.edgemesh.envelope.Fixtures.body;
import static io.edgemesh.envelope.Fixtures.call;
import static io.edgemesh.envelope.Fixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The verification matrix, in the manner of stripe-java's webhook signature tests: the time window
 * at and one second past its boundaries, malformed timestamps, a bad and a good signature, and key
 * rotation. Each case names the {@link RejectReason} it expects.
 */
class EnvelopeVerificationMatrixTest {
    private final MutableClock clock = new MutableClock(T0);

    private EnvelopeVerifier verifier(KeyRing ring) {
        return EnvelopeVerifier.builder("tiny-ml").hmac(KeySource.of(ring)).replayGuard(ReplayGuard.inMemory(clock))
                .clock(clock).build();
    }

    private SignedMessage sign(KeyRing ring, Duration ttl, long issuedOffsetSeconds) {
        MutableClock signerClock = new MutableClock(T0.plusSeconds(issuedOffsetSeconds));
        return EnvelopeSigner.hmac(KeySource.of(ring), signerClock, ttl).sign(call(UUID.randomUUID().toString()), body(TENANT));
    }

    private static RejectReason reasonOf(Runnable r) {
        try {
            r.run();
        } catch (EnvelopeRejectedException e) {
            return e.reason();
        }
        return null;
    }

    @Nested
    class TimeWindow {
        @ParameterizedTest(name = "issued {0} s from now, lifetime {1} s -> {2}")
        @CsvSource({
                // exactly at the ±300 s boundaries: accepted
                "-300, 300, ACCEPTED",
                "300, 60, ACCEPTED",
                // one second past them: rejected
                "-301, 300, EXPIRED",
                "301, 60, ISSUED_IN_FUTURE",
                // well inside and far outside
                "0, 120, ACCEPTED",
                "-3600, 300, EXPIRED",
                "3600, 300, ISSUED_IN_FUTURE",
                // expiry before the skew boundary: expiry wins
                "-60, 60, ACCEPTED",
                "-61, 60, EXPIRED",
        })
        void issuedAtIsAcceptedOnlyWithinTheSkewWindowAndBeforeExpiry(long issuedOffset, long ttl, String expected) {
            // GIVEN an envelope signed at now + issuedOffset with the given lifetime
            SignedMessage m = sign(RING, Duration.ofSeconds(ttl), issuedOffset);
            // WHEN it is verified now
            RejectReason reason = reasonOf(() -> verifier(RING).verify(m.envelope(), m.body(), TENANTS));
            // THEN it is accepted or rejected for the expected reason
            assertThat(reason == null ? "ACCEPTED" : reason.name()).isEqualTo(expected);
        }

        @Test
        void aLifetimeLongerThanTheSkewWindowIsMalformedEvenWhenSigned() {
            // GIVEN a correctly signed envelope whose expiry is 301 s after issue (signers refuse to build it)
            Envelope base = sign(RING, Duration.ofSeconds(60), 0).envelope();
            Envelope longLived = resign(RING, withField(base, "expiresAt", Long.toString(base.issuedAt() + 301)));
            // WHEN / THEN
            assertThat(reasonOf(() -> verifier(RING).verify(longLived, body(TENANT), TENANTS))).isEqualTo(RejectReason.MALFORMED);
        }

        @Test
        void anExpiryNotAfterIssueIsMalformed() {
            Envelope base = sign(RING, Duration.ofSeconds(60), 0).envelope();
            Envelope zero = resign(RING, withField(base, "expiresAt", Long.toString(base.issuedAt())));
            assertThat(reasonOf(() -> verifier(RING).verify(zero, body(TENANT), TENANTS))).isEqualTo(RejectReason.MALFORMED);
        }

        @ParameterizedTest(name = "issuedAt \"{0}\" is malformed")
        @ValueSource(strings = {"", " ", "abc", "-5", "+1795860000", "01795860000", "1795860000.0", "1.79586E9",
                "1795860000 ", " 1795860000", "0x6B0A9B20", "99999999999999999999", "253402300800", "１７９５８６００００"})
        void malformedTimestampsAreRejectedBeforeAnyCryptography(String issuedAt) {
            // GIVEN the wire fields of a valid envelope with a malformed issuedAt
            Map<String, String> fields = sign(RING, Duration.ofSeconds(60), 0).envelope().toFields();
            fields.put("issuedAt", issuedAt);
            // WHEN it is read THEN it is MALFORMED
            assertThat(reasonOf(() -> Envelope.fromFields(fields))).isEqualTo(RejectReason.MALFORMED);
        }

        @ParameterizedTest(name = "expiresAt \"{0}\" is malformed")
        @ValueSource(strings = {"", "never", "-1", "017", "1e3"})
        void malformedExpiriesAreRejected(String expiresAt) {
            Map<String, String> fields = sign(RING, Duration.ofSeconds(60), 0).envelope().toFields();
            fields.put("expiresAt", expiresAt);
            assertThat(reasonOf(() -> Envelope.fromFields(fields))).isEqualTo(RejectReason.MALFORMED);
        }
    }

    @Nested
    class Signatures {
        @Test
        void aGoodSignatureIsAcceptedAndTheBodyReturned() {
            SignedMessage m = sign(RING, Duration.ofSeconds(60), 0);
            Verified v = verifier(RING).verify(m.envelope(), m.body(), TENANTS);
            assertThat(v.body()).isEqualTo(body(TENANT));
            assertThat(v.envelope()).isEqualTo(m.envelope());
        }

        @Test
        void aSignatureMadeWithAnotherKeyUnderTheSameKeyIdIsBad() {
            // GIVEN an attacker who knows the key id but not the key
            KeyRing forged = KeyRing.of("k1", Map.of("k1", key(99)));
            SignedMessage m = sign(forged, Duration.ofSeconds(60), 0);
            // WHEN / THEN
            assertThat(reasonOf(() -> verifier(RING).verify(m.envelope(), m.body(), TENANTS))).isEqualTo(RejectReason.BAD_SIGNATURE);
        }

        @Test
        void oneBadAndOneGoodSignatureOverTheSameCallAreToldApart() {
            // GIVEN the same call signed once with the real key and once with a wrong one
            SignedMessage good = sign(RING, Duration.ofSeconds(60), 0);
            Envelope bad = good.envelope().withSignature(flipFirstChar(good.envelope().signature()));
            EnvelopeVerifier v = verifier(RING);
            // THEN the bad one is refused without consuming the nonce, and the good one still passes
            assertThat(reasonOf(() -> v.verify(bad, good.body(), TENANTS))).isEqualTo(RejectReason.BAD_SIGNATURE);
            assertThat(reasonOf(() -> v.verify(good.envelope(), good.body(), TENANTS))).isNull();
        }

        @Test
        void aTruncatedSignatureIsBad() {
            SignedMessage m = sign(RING, Duration.ofSeconds(60), 0);
            byte[] half = java.util.Arrays.copyOf(java.util.Base64.getUrlDecoder().decode(m.envelope().signature()), 16);
            Envelope truncated = m.envelope().withSignature(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(half));
            assertThat(reasonOf(() -> verifier(RING).verify(truncated, m.body(), TENANTS))).isEqualTo(RejectReason.BAD_SIGNATURE);
        }

        @Test
        void aMissingSignatureIsMalformed() {
            SignedMessage m = sign(RING, Duration.ofSeconds(60), 0);
            assertThat(reasonOf(() -> verifier(RING).verify(m.envelope().withSignature(""), m.body(), TENANTS)))
                    .isEqualTo(RejectReason.MALFORMED);
        }

        @ParameterizedTest(name = "signature \"{0}\" is malformed")
        @ValueSource(strings = {"not base64!", "AAAA====", "AAAA=", "A", "AB+/", "AB"})
        void signaturesNotInCanonicalBase64UrlAreMalformed(String signature) {
            Map<String, String> fields = sign(RING, Duration.ofSeconds(60), 0).envelope().toFields();
            fields.put("signature", signature);
            assertThat(reasonOf(() -> Envelope.fromFields(fields))).isEqualTo(RejectReason.MALFORMED);
        }
    }

    @Nested
    class KeyRotation {
        private final KeyRing old = KeyRing.of("k1", Map.of("k1", key(1)));
        private final KeyRing both = old.with("k2", key(2));
        private final KeyRing rotated = both.withPrimary("k2");
        private final KeyRing retired = rotated.without("k1");

        @Test
        void anEnvelopeSignedWithTheOldKeyVerifiesWhileTheOldKeyIsInTheRing() {
            // GIVEN a call signed before the rotation
            SignedMessage before = sign(old, Duration.ofSeconds(60), 0);
            // WHEN the verifier already signs with k2 but still holds k1 THEN it verifies
            assertThat(reasonOf(() -> verifier(rotated).verify(before.envelope(), before.body(), TENANTS))).isNull();
        }

        @Test
        void anEnvelopeSignedWithTheNewKeyVerifiesAtAVerifierThatHasItButStillSignsWithTheOld() {
            SignedMessage after = sign(rotated, Duration.ofSeconds(60), 0);
            assertThat(after.envelope().keyId()).isEqualTo("k2");
            assertThat(reasonOf(() -> verifier(both).verify(after.envelope(), after.body(), TENANTS))).isNull();
        }

        @Test
        void anEnvelopeSignedWithARemovedKeyHasAnUnknownKeyId() {
            SignedMessage before = sign(old, Duration.ofSeconds(60), 0);
            assertThat(reasonOf(() -> verifier(retired).verify(before.envelope(), before.body(), TENANTS)))
                    .isEqualTo(RejectReason.UNKNOWN_KEY_ID);
        }

        @Test
        void aVerifierAsksItsSourceForAFreshRingWhenItMeetsAnUnknownKeyId() {
            // GIVEN a source whose cached ring predates k2 but whose refreshed ring has it
            KeySource stale = new KeySource() {
                @Override
                public KeyRing current() { return old; }

                @Override
                public KeyRing refreshed() { return both; }
            };
            SignedMessage after = sign(rotated, Duration.ofSeconds(60), 0);
            EnvelopeVerifier v = EnvelopeVerifier.builder("tiny-ml").hmac(stale).replayGuard(ReplayGuard.inMemory(clock)).clock(clock).build();
            assertThat(reasonOf(() -> v.verify(after.envelope(), after.body(), TENANTS))).isNull();
        }
    }

    @Nested
    class AddressingTenancyAndReplay {
        @Test
        void anEnvelopeForAnotherLayerIsWrongTarget() {
            SignedMessage m = sign(RING, Duration.ofSeconds(60), 0);
            EnvelopeVerifier firewall = EnvelopeVerifier.builder("firewall").hmac(KeySource.of(RING))
                    .replayGuard(ReplayGuard.inMemory(clock)).clock(clock).build();
            assertThat(reasonOf(() -> firewall.verify(m.envelope(), m.body(), TENANTS))).isEqualTo(RejectReason.WRONG_TARGET);
        }

        @Test
        void aBodyNamingAnotherTenantIsTenantMismatch() {
            SignedMessage m = EnvelopeSigner.hmac(KeySource.of(RING), clock, Duration.ofSeconds(60))
                    .sign(call(UUID.randomUUID().toString()), body("globex"));
            assertThat(reasonOf(() -> verifier(RING).verify(m.envelope(), m.body(), TENANTS))).isEqualTo(RejectReason.TENANT_MISMATCH);
        }

        @Test
        void aBodyNamingNoTenantIsAccepted() {
            SignedMessage m = EnvelopeSigner.hmac(KeySource.of(RING), clock, Duration.ofSeconds(60))
                    .sign(call(UUID.randomUUID().toString()), "{\"q\":1}".getBytes(StandardCharsets.UTF_8));
            assertThat(reasonOf(() -> verifier(RING).verify(m.envelope(), m.body(), TENANTS))).isNull();
        }

        @Test
        void anUnreadableBodyIsMalformed() {
            SignedMessage m = EnvelopeSigner.hmac(KeySource.of(RING), clock, Duration.ofSeconds(60))
                    .sign(call(UUID.randomUUID().toString()), "[not an object".getBytes(StandardCharsets.UTF_8));
            assertThat(reasonOf(() -> verifier(RING).verify(m.envelope(), m.body(), TENANTS))).isEqualTo(RejectReason.MALFORMED);
        }

        @Test
        void theSameEnvelopeTwiceIsAReplay() {
            SignedMessage m = sign(RING, Duration.ofSeconds(60), 0);
            EnvelopeVerifier v = verifier(RING);
            v.verify(m.envelope(), m.body(), TENANTS);
            assertThat(reasonOf(() -> v.verify(m.envelope(), m.body(), TENANTS))).isEqualTo(RejectReason.REPLAY);
        }

        @Test
        void aChangedBodyIsBodyMismatch() {
            SignedMessage m = sign(RING, Duration.ofSeconds(60), 0);
            byte[] other = body(TENANT);
            other[other.length - 3] ^= 1;
            assertThat(reasonOf(() -> verifier(RING).verify(m.envelope(), other, TENANTS))).isEqualTo(RejectReason.BODY_MISMATCH);
        }

        @Test
        void anAlgorithmTheVerifierHasNoKeysForIsAnUnknownKeyId() {
            Ed25519SigningKey ed = Ed25519SigningKey.generate("ed1");
            SignedMessage m = EnvelopeSigner.ed25519(ed, Ed25519Provider.JDK, clock, Duration.ofSeconds(60))
                    .sign(call(UUID.randomUUID().toString()), body(TENANT));
            assertThat(reasonOf(() -> verifier(RING).verify(m.envelope(), m.body(), TENANTS))).isEqualTo(RejectReason.UNKNOWN_KEY_ID);
        }
    }

    @Nested
    class WireFields {
        @Test
        void theWireFieldsRoundTrip() {
            Envelope e = sign(RING, Duration.ofSeconds(60), 0).envelope();
            assertThat(Envelope.fromFields(e.toFields())).isEqualTo(e);
        }

        @Test
        void anUnknownFieldIsMalformed() {
            Map<String, String> fields = new LinkedHashMap<>(sign(RING, Duration.ofSeconds(60), 0).envelope().toFields());
            fields.put("admin", "true");
            assertThat(reasonOf(() -> Envelope.fromFields(fields))).isEqualTo(RejectReason.MALFORMED);
        }

        @ParameterizedTest(name = "without {0}")
        @ValueSource(strings = {"version", "keyId", "algorithm", "tenantId", "sourceLayer", "targetLayer", "operation",
                "requestId", "issuedAt", "expiresAt", "traceparent", "sealing", "bodySha256", "signature"})
        void aMissingFieldIsMalformed(String name) {
            Map<String, String> fields = new HashMap<>(sign(RING, Duration.ofSeconds(60), 0).envelope().toFields());
            fields.remove(name);
            assertThat(reasonOf(() -> Envelope.fromFields(fields))).isEqualTo(RejectReason.MALFORMED);
        }

        @ParameterizedTest(name = "{0} = \"{1}\" is malformed")
        @CsvSource({
                "version, 2", "version, 01", "algorithm, HS512", "algorithm, none", "sealing, A128GCM",
                "tenantId, acme#other", "tenantId, ''", "requestId, a#b", "targetLayer, Tiny-ML", "keyId, k 1",
                "traceparent, 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331", "traceparent, 00-00000000000000000000000000000000-b7ad6b7169203331-01",
                "bodySha256, ABCDEF", "operation, search?x=1"})
        void fieldsOutsideTheirShapeAreMalformed(String name, String value) {
            Map<String, String> fields = sign(RING, Duration.ofSeconds(60), 0).envelope().toFields();
            fields.put(name, value);
            assertThat(reasonOf(() -> Envelope.fromFields(fields))).isEqualTo(RejectReason.MALFORMED);
        }

        @Test
        void aSignerRefusesACallWhoseFieldsAreOutOfShapeWithAnIllegalArgument() {
            EnvelopeSigner s = EnvelopeSigner.hmac(KeySource.of(RING), clock, Duration.ofSeconds(60));
            assertThatThrownBy(() -> s.sign(new Call("a#b", "ingress", "tiny-ml", "search", "r1", null), body("a")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenantId");
        }
    }

    static Map<String, String> withField(Envelope e, String name, String value) {
        Map<String, String> f = e.toFields();
        f.put(name, value);
        return f;
    }

    /** Re-signs edited fields with the ring's primary key, as a holder of the key could. */
    static Envelope resign(KeyRing ring, Map<String, String> fields) {
        Envelope e = Envelope.fromFields(fields);
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(ring.key(e.keyId()).orElseThrow(), "HmacSHA256"));
            return e.withSignature(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(e.canonicalBytes())));
        } catch (java.security.GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String flipFirstChar(String s) {
        return (s.charAt(0) == 'A' ? 'B' : 'A') + s.substring(1);
    }
}
