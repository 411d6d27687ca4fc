package io.edgemesh.widget.internal.chat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Short-lived session tokens: compact JWTs signed with HMAC-SHA256 (nimbus-jose-jwt), binding a chat
 * session to the tenant and the page origin that opened it, and carrying the session's trust level.
 * Verification accepts only {@code HS256} with this key id and issuer, so {@code alg: none}, a key
 * confusion or a token of another deployment fail the same way: empty.
 */
public final class SessionTokens {

    static final String ISSUER = "edgemesh-ingress";
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final byte[] key;
    private final String keyId;
    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Duration ttl;
    private final Clock clock;

    /** @param key at least 32 bytes (256 bits, what HS256 requires) */
    public SessionTokens(byte[] key, Duration ttl, Clock clock) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the session key must be at least 32 bytes (256 bits)");
        }
        this.key = key.clone();
        this.keyId = keyId(this.key);
        this.ttl = ttl;
        this.clock = clock;
        try {
            this.signer = new MACSigner(this.key);
            this.verifier = new MACVerifier(this.key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable session key: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a key as configured: base64 (standard or URL alphabet) of at least 32 bytes, or else the
     * UTF-8 bytes of a passphrase of at least 32 characters.
     */
    public static byte[] parseKey(String configured) {
        String s = configured.trim();
        try {
            byte[] b = s.contains("-") || s.contains("_") ? Base64.getUrlDecoder().decode(s) : Base64.getDecoder().decode(s);
            if (b.length >= 32) return b;
        } catch (IllegalArgumentException notBase64) {
            // fall through to the passphrase form
        }
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        if (raw.length >= 32) return raw;
        throw new IllegalArgumentException("the session key must be base64 of at least 32 bytes or a 32+ character passphrase");
    }

    public String issue(String tenantId, String origin, String sessionId, String trustLevel) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(sessionId)
                .claim("tid", tenantId)
                .claim("org", origin)
                .claim("trust", trustLevel)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a session token", e);
        }
        return jwt.serialize();
    }

    /** The claims of a valid, unexpired token of this deployment, or empty. */
    public Optional<SessionClaims> verify(String token) {
        if (token == null || token.length() > 4096) return Optional.empty();
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !keyId.equals(jwt.getHeader().getKeyID())) {
                return Optional.empty();
            }
            if (!jwt.verify(verifier)) return Optional.empty();
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Date exp = c.getExpirationTime();
            if (!ISSUER.equals(c.getIssuer()) || exp == null
                    || exp.toInstant().plus(CLOCK_SKEW).isBefore(clock.instant())) {
                return Optional.empty();
            }
            String tid = c.getStringClaim("tid");
            String org = c.getStringClaim("org");
            String trust = c.getStringClaim("trust");
            if (tid == null || org == null || trust == null || c.getSubject() == null) return Optional.empty();
            return Optional.of(new SessionClaims(tid, org, c.getSubject(), trust, exp.toInstant()));
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    /** A public, non-secret id for the key (lets rotation tell tokens of an old key apart). */
    private static String keyId(byte[] key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key);
            return "s" + HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
