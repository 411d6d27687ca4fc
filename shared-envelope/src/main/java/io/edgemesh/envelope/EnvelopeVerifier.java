package io.edgemesh.envelope;

import io.edgemesh.envelope.internal.DefaultEnvelopeVerifier;
import io.edgemesh.envelope.internal.Ed25519Schemes;
import io.edgemesh.envelope.internal.HmacScheme;
import io.edgemesh.envelope.internal.VerifyingScheme;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies envelopes addressed to one layer. Checks run in this order, and the first failure is
 * the {@link RejectReason}: well-formed and supported algorithm, key id known, signature, body hash,
 * time window (issued within ±skew of now, not past expiry, lifetime at most the skew), target
 * layer, sealed body opens, body tenant equals envelope tenant, and last the replay guard, so that
 * only an otherwise valid envelope consumes its nonce.
 */
public interface EnvelopeVerifier {

    /** The Standard Webhooks window: issued-at may differ from the verifier's clock by this much. */
    Duration DEFAULT_SKEW = Duration.ofSeconds(300);

    /**
     * @param envelope as received
     * @param body     the body bytes as received (ciphertext when sealed)
     * @param tenants  finds the tenant the plain body names
     * @return the envelope and its plain body
     * @throws EnvelopeRejectedException with the reason of the first failed check
     */
    Verified verify(Envelope envelope, byte[] body, TenantExtractor tenants);

    static Builder builder(String ownLayer) { return new Builder(ownLayer); }

    /** Collects the keys a verifier accepts; a verifier needs at least one algorithm and a replay guard. */
    final class Builder {
        private final String ownLayer;
        private final Map<Algorithm, VerifyingScheme> schemes = new EnumMap<>(Algorithm.class);
        private KeySource sealingKeys;
        private ReplayGuard replayGuard;
        private Clock clock = Clock.systemUTC();
        private Duration skew = DEFAULT_SKEW;

        private Builder(String ownLayer) {
            this.ownLayer = Objects.requireNonNull(ownLayer, "ownLayer");
        }

        /** Accept HS256 envelopes signed with any key in the ring; sealed bodies open with the same ring. */
        public Builder hmac(KeySource keys) {
            schemes.put(Algorithm.HS256, new HmacScheme(keys));
            sealingKeys = keys;
            return this;
        }

        /** Accept Ed25519 envelopes signed by any of {@code keys}. */
        public Builder ed25519(Ed25519PublicKeys keys, Ed25519Provider provider) {
            schemes.put(Algorithm.ED25519, Ed25519Schemes.verifying(keys, provider));
            return this;
        }

        public Builder replayGuard(ReplayGuard guard) {
            this.replayGuard = guard;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder skew(Duration skew) {
            this.skew = skew;
            return this;
        }

        public EnvelopeVerifier build() {
            if (schemes.isEmpty()) throw new IllegalStateException("a verifier needs keys for at least one algorithm");
            if (replayGuard == null) throw new IllegalStateException("a verifier needs a replay guard");
            return new DefaultEnvelopeVerifier(ownLayer, schemes, sealingKeys, replayGuard, clock, skew);
        }
    }
}
