package io.edgemesh.backbone.tenants;

import io.edgemesh.backbone.internal.Base62;
import io.edgemesh.backbone.internal.Hashing;
import java.util.Optional;

/**
 * API key formats. Both embed the tenant id so the store finds a key's tenant with one keyed read:
 * <ul>
 *   <li>publishable: {@code pk_<tenant>_<24 base62>} (≈143 bits), stored in the tenant profile; it is
 *       public by design (it sits in a web page) and only works from the tenant's allowed origins;</li>
 *   <li>secret: {@code sk_<tenant>_<keyId>_<32 base62>} (≈190 random bits), shown once and stored only
 *       as its SHA-256 under {@code KEY#<keyId>}.</li>
 * </ul>
 * Tenant ids never contain {@code _}, so splitting on it is unambiguous.
 *
 * <p>Why a fast hash and not bcrypt/scrypt/Argon2 for secret keys: slow hashes exist to make guessing
 * low-entropy human passwords expensive after a database leak. A secret key is 190 bits from a CSPRNG;
 * nobody can enumerate that space however fast the hash is, so SHA-256 gives the same protection
 * while keeping key checks on the request path at microseconds instead of ~100 ms of deliberate work
 * (which would itself be a denial-of-service lever).
 */
public final class ApiKeys {
    public static final String PUBLISHABLE_PREFIX = "pk_";
    public static final String SECRET_PREFIX = "sk_";
    static final int PUBLISHABLE_RANDOM = 24;
    static final int SECRET_RANDOM = 32;
    static final int KEY_ID_LENGTH = 10;

    private ApiKeys() { }

    /** A secret key as issued: the plaintext (shown once) and what is stored. */
    public record IssuedSecret(String keyId, String plaintext, String sha256) { }

    /** The parts of a well-formed secret key (nothing is known about validity yet). */
    public record SecretKeyParts(String tenantId, String keyId) { }

    public static String newPublishable(String tenantId) {
        TenantRules.tenantId("tenantId", tenantId);
        return PUBLISHABLE_PREFIX + tenantId + "_" + Base62.random(PUBLISHABLE_RANDOM);
    }

    public static IssuedSecret newSecret(String tenantId) {
        TenantRules.tenantId("tenantId", tenantId);
        String keyId = Base62.random(KEY_ID_LENGTH);
        String key = SECRET_PREFIX + tenantId + "_" + keyId + "_" + Base62.random(SECRET_RANDOM);
        return new IssuedSecret(keyId, key, hash(key));
    }

    /** The tenant a well-formed publishable key names; empty for anything else. */
    public static Optional<String> publishableTenant(String key) {
        if (key == null || key.length() > 80 || !key.startsWith(PUBLISHABLE_PREFIX)) return Optional.empty();
        String[] p = key.split("_", -1);
        if (p.length != 3 || !TenantRules.TENANT_ID.matcher(p[1]).matches() || !Base62.is(p[2], PUBLISHABLE_RANDOM)) {
            return Optional.empty();
        }
        return Optional.of(p[1]);
    }

    /** The tenant and key id a well-formed secret key names; empty for anything else. */
    public static Optional<SecretKeyParts> parseSecret(String key) {
        if (key == null || key.length() > 100 || !key.startsWith(SECRET_PREFIX)) return Optional.empty();
        String[] p = key.split("_", -1);
        if (p.length != 4 || !TenantRules.TENANT_ID.matcher(p[1]).matches() || !Base62.is(p[2], KEY_ID_LENGTH)
                || !Base62.is(p[3], SECRET_RANDOM)) {
            return Optional.empty();
        }
        return Optional.of(new SecretKeyParts(p[1], p[2]));
    }

    /** Lower-case hex SHA-256 of the key's UTF-8 bytes: the only form a secret key is stored in. */
    public static String hash(String key) { return Hashing.sha256Hex(key); }

    /** Whether {@code presented} hashes to {@code storedSha256}, compared in constant time. */
    public static boolean matches(String presented, String storedSha256) {
        return presented != null && Hashing.constantTimeEquals(hash(presented), storedSha256);
    }
}
