package io.edgemesh.envelope.internal;

import io.edgemesh.envelope.Call;
import io.edgemesh.envelope.Envelope;
import io.edgemesh.envelope.EnvelopeRejectedException;
import io.edgemesh.envelope.EnvelopeVerifier;
import io.edgemesh.envelope.KeySource;
import io.edgemesh.envelope.Sealing;
import io.edgemesh.envelope.SignedMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Builds the envelope for a call, hashes (and optionally seals) the body, and signs the canonical bytes. */
public final class DefaultEnvelopeSigner implements io.edgemesh.envelope.EnvelopeSigner {
    /** A placeholder hash so the header can be built before the sealed body (and so its hash) exists. */
    private static final String NO_HASH = "0".repeat(64);

    private final SigningScheme scheme;
    private final AesGcmSealer sealer;
    private final Clock clock;
    private final long ttlSeconds;

    public DefaultEnvelopeSigner(SigningScheme scheme, KeySource sealingKeys, Clock clock, Duration ttl) {
        this.scheme = Objects.requireNonNull(scheme);
        this.sealer = sealingKeys == null ? null : new AesGcmSealer(sealingKeys);
        this.clock = Objects.requireNonNull(clock);
        if (ttl.isNegative() || ttl.getSeconds() < 1 || ttl.compareTo(EnvelopeVerifier.DEFAULT_SKEW) > 0) {
            throw new IllegalArgumentException("envelope ttl must be between 1 s and " + EnvelopeVerifier.DEFAULT_SKEW);
        }
        this.ttlSeconds = ttl.getSeconds();
    }

    private Envelope draft(Call call, SigningScheme.Key key, long now, Sealing sealing, String bodySha256) {
        try {
            return new Envelope(Envelope.VERSION, key.keyId(), scheme.algorithm(), call.tenantId(), call.sourceLayer(),
                    call.targetLayer(), call.operation(), call.requestId(), now, now + ttlSeconds,
                    call.traceparent(), sealing, bodySha256, "");
        } catch (EnvelopeRejectedException e) {
            // On the signing side a bad field is the caller's bug, not a hostile envelope.
            throw new IllegalArgumentException("cannot sign call: " + e.getMessage(), e);
        }
    }

    @Override
    public SignedMessage sign(Call call, byte[] body, Sealing sealing) {
        Objects.requireNonNull(body, "body");
        if (sealing == Sealing.A256GCM && sealer == null) {
            throw new UnsupportedOperationException(scheme.algorithm() + " envelopes cannot be sealed");
        }
        SigningScheme.Key key = scheme.current();
        long now = clock.instant().getEpochSecond();
        boolean seal = sealing == Sealing.A256GCM;
        // Unsealed, the hash is known up front; sealed, it is of the ciphertext, which needs the header first.
        Envelope hashed = draft(call, key, now, sealing, seal ? NO_HASH : Digests.sha256Hex(body));
        byte[] wire = body;
        if (seal) {
            wire = sealer.seal(key.keyId(), hashed.headerBytes(), body);
            hashed = hashed.withBodySha256(Digests.sha256Hex(wire));
        }
        Envelope signed = hashed.withSignature(Fields.base64Url(key.sign(hashed.canonicalBytes())));
        return new SignedMessage(signed, wire);
    }
}
