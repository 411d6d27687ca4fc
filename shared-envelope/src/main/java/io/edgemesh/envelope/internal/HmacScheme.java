package io.edgemesh.envelope.internal;

import io.edgemesh.envelope.Algorithm;
import io.edgemesh.envelope.KeyRing;
import io.edgemesh.envelope.KeySource;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over a {@link KeySource}. {@code Mac.getInstance} and {@code init} cost more than the
 * MAC of a small envelope, so each ring is compiled once into per-thread initialised {@link Mac}s and
 * recompiled only when the source hands out a different ring (after a refresh).
 */
public final class HmacScheme implements SigningScheme, VerifyingScheme {
    private final KeySource source;
    private volatile Compiled compiled;

    public HmacScheme(KeySource source) {
        this.source = source;
    }

    @Override
    public Algorithm algorithm() { return Algorithm.HS256; }

    @Override
    public Key current() {
        Compiled c = compiled(source.current());
        String kid = c.ring.primaryKeyId();
        ThreadLocal<Mac> mac = c.macs.get(kid);
        return new Key() {
            @Override
            public String keyId() { return kid; }

            @Override
            public byte[] sign(byte[] data) { return mac.get().doFinal(data); }
        };
    }

    @Override
    public Result verify(String keyId, byte[] data, byte[] signature) {
        ThreadLocal<Mac> mac = compiled(source.current()).macs.get(keyId);
        if (mac == null) {
            // A rotation may have added the key since the last refresh; the source rate-limits this.
            mac = compiled(source.refreshed()).macs.get(keyId);
            if (mac == null) return Result.UNKNOWN_KEY;
        }
        byte[] expected = mac.get().doFinal(data);
        return MessageDigest.isEqual(expected, signature) ? Result.VALID : Result.INVALID;
    }

    private Compiled compiled(KeyRing ring) {
        Compiled c = compiled;
        if (c == null || c.ring != ring) {
            c = new Compiled(ring);
            compiled = c;
        }
        return c;
    }

    /** A ring with one lazily initialised {@link Mac} per key and thread. */
    private static final class Compiled {
        final KeyRing ring;
        final Map<String, ThreadLocal<Mac>> macs = new HashMap<>();

        Compiled(KeyRing ring) {
            this.ring = ring;
            for (String kid : ring.keyIds()) {
                SecretKeySpec key = new SecretKeySpec(ring.key(kid).orElseThrow(), "HmacSHA256");
                macs.put(kid, ThreadLocal.withInitial(() -> newMac(key)));
            }
        }
    }

    static Mac newMac(SecretKeySpec key) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
