package io.edgemesh.envelope.internal;

import io.edgemesh.envelope.Algorithm;
import io.edgemesh.envelope.Envelope;
import io.edgemesh.envelope.EnvelopeRejectedException;
import io.edgemesh.envelope.EnvelopeVerifier;
import io.edgemesh.envelope.KeySource;
import io.edgemesh.envelope.RejectReason;
import io.edgemesh.envelope.ReplayGuard;
import io.edgemesh.envelope.Sealing;
import io.edgemesh.envelope.TenantExtractor;
import io.edgemesh.envelope.Verified;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** The checks of {@link EnvelopeVerifier}, in its documented order. */
public final class DefaultEnvelopeVerifier implements EnvelopeVerifier {
    private final String ownLayer;
    private final Map<Algorithm, VerifyingScheme> schemes;
    private final AesGcmSealer sealer;
    private final ReplayGuard replayGuard;
    private final Clock clock;
    private final long skewSeconds;

    public DefaultEnvelopeVerifier(String ownLayer, Map<Algorithm, VerifyingScheme> schemes, KeySource sealingKeys,
                                   ReplayGuard replayGuard, Clock clock, Duration skew) {
        this.ownLayer = ownLayer;
        this.schemes = new EnumMap<>(schemes);
        this.sealer = sealingKeys == null ? null : new AesGcmSealer(sealingKeys);
        this.replayGuard = replayGuard;
        this.clock = clock;
        this.skewSeconds = skew.getSeconds();
    }

    @Override
    public Verified verify(Envelope e, byte[] body, TenantExtractor tenants) {
        if (e == null || body == null) throw reject(RejectReason.MALFORMED, "no envelope or no body");
        if (e.signature().isEmpty()) throw reject(RejectReason.MALFORMED, "unsigned");

        VerifyingScheme scheme = schemes.get(e.algorithm());
        if (scheme == null) throw reject(RejectReason.UNKNOWN_KEY_ID, "no keys for " + e.algorithm().wireName());
        switch (scheme.verify(e.keyId(), e.canonicalBytes(), Fields.fromBase64Url(e.signature()))) {
            case UNKNOWN_KEY -> throw reject(RejectReason.UNKNOWN_KEY_ID, "key id " + e.keyId());
            case INVALID -> throw reject(RejectReason.BAD_SIGNATURE, "signature does not match");
            case VALID -> { }
        }

        byte[] expectedHash = HexFormat.of().parseHex(e.bodySha256());
        if (!MessageDigest.isEqual(expectedHash, Digests.sha256(body))) {
            throw reject(RejectReason.BODY_MISMATCH, "body hash differs");
        }

        long now = clock.instant().getEpochSecond();
        if (e.expiresAt() <= e.issuedAt() || e.expiresAt() - e.issuedAt() > skewSeconds) {
            throw reject(RejectReason.MALFORMED, "lifetime outside (0, " + skewSeconds + "] s");
        }
        if (e.issuedAt() > now + skewSeconds) throw reject(RejectReason.ISSUED_IN_FUTURE, "issued " + (e.issuedAt() - now) + " s ahead");
        if (e.issuedAt() < now - skewSeconds) throw reject(RejectReason.EXPIRED, "issued " + (now - e.issuedAt()) + " s ago");
        if (now > e.expiresAt()) throw reject(RejectReason.EXPIRED, "expired " + (now - e.expiresAt()) + " s ago");

        if (!ownLayer.equals(e.targetLayer())) throw reject(RejectReason.WRONG_TARGET, "addressed to " + e.targetLayer());

        byte[] plain = body;
        if (e.sealing() == Sealing.A256GCM) {
            if (sealer == null) throw reject(RejectReason.BODY_MISMATCH, "sealed body but no sealing keys");
            plain = sealer.open(e.keyId(), e.headerBytes(), body)
                    .orElseThrow(() -> reject(RejectReason.BODY_MISMATCH, "sealed body does not open"));
        }

        Optional<String> bodyTenant;
        try {
            bodyTenant = tenants.tenantOf(plain);
        } catch (RuntimeException ex) {
            throw reject(RejectReason.MALFORMED, "body unreadable");
        }
        if (bodyTenant == null) bodyTenant = Optional.empty();
        if (bodyTenant.isPresent() && !bodyTenant.get().equals(e.tenantId())) {
            throw reject(RejectReason.TENANT_MISMATCH, "body names another tenant");
        }

        if (!replayGuard.firstSeen(e.tenantId(), e.requestId(), e.expiresAt())) {
            throw reject(RejectReason.REPLAY, "request id seen before");
        }
        return new Verified(e, plain);
    }

    private static EnvelopeRejectedException reject(RejectReason reason, String message) {
        return new EnvelopeRejectedException(reason, message);
    }
}
