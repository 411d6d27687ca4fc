package io.edgemesh.envelope;

import io.edgemesh.envelope.internal.DefaultEnvelopeSigner;
import io.edgemesh.envelope.internal.Ed25519Schemes;
import io.edgemesh.envelope.internal.HmacScheme;
import java.time.Clock;
import java.time.Duration;

/** Signs calls. Thread-safe; build one per function and reuse it. */
public interface EnvelopeSigner {

    /** How long an envelope stays valid by default: long enough for a cold start, short for replays. */
    Duration DEFAULT_TTL = Duration.ofSeconds(120);

    /** Signs {@code body} for {@code call}, unsealed. */
    default SignedMessage sign(Call call, byte[] body) { return sign(call, body, Sealing.NONE); }

    /**
     * Signs {@code body} for {@code call}; with {@link Sealing#A256GCM} the body travels encrypted.
     *
     * @throws IllegalArgumentException when a field of {@code call} is not in its documented shape
     * @throws UnsupportedOperationException when this signer cannot seal
     */
    SignedMessage sign(Call call, byte[] body, Sealing sealing);

    /**
     * HMAC-SHA256 with the ring's primary key; can seal (the AES key is derived from the same ring key).
     *
     * @param ttl envelope lifetime, 1 s to {@link EnvelopeVerifier#DEFAULT_SKEW}
     */
    static EnvelopeSigner hmac(KeySource keys, Clock clock, Duration ttl) {
        return new DefaultEnvelopeSigner(new HmacScheme(keys), keys, clock, ttl);
    }

    /** Ed25519 with {@code key}; cannot seal (sealing needs a shared secret, which Ed25519 exists to avoid). */
    static EnvelopeSigner ed25519(Ed25519SigningKey key, Ed25519Provider provider, Clock clock, Duration ttl) {
        return new DefaultEnvelopeSigner(Ed25519Schemes.signing(key, provider), null, clock, ttl);
    }
}
