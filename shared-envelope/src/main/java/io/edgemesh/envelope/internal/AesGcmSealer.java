package io.edgemesh.envelope.internal;

import io.edgemesh.envelope.KeyRing;
import io.edgemesh.envelope.KeySource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM sealing of bodies. The AES key is derived from the ring key with the envelope's key id
 * (HMAC-SHA256 of a fixed label) rather than used directly, so one secret never serves two
 * algorithms. A fresh random 96-bit IV per body; with at most one seal per invocation the birthday
 * bound on random IVs (2^32 messages per key) is far away, and keys rotate anyway.
 */
public final class AesGcmSealer {
    private static final byte[] LABEL = "edgemesh-envelope-seal-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeySource keys;
    /** Derived keys of the ring last seen; rebuilt when the source hands out another ring. */
    private volatile DerivedKeys derived;

    private record DerivedKeys(KeyRing ring, java.util.concurrent.ConcurrentHashMap<String, SecretKeySpec> byKid) { }

    public AesGcmSealer(KeySource keys) {
        this.keys = keys;
    }

    /** {@code iv || ciphertext || tag}. */
    public byte[] seal(String keyId, byte[] associatedData, byte[] plaintext) {
        SecretKeySpec key = aesKey(keys.current(), keyId)
                .orElseThrow(() -> new IllegalStateException("sealing key " + keyId + " is not in the ring"));
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(associatedData);
            byte[] out = Arrays.copyOf(iv, IV_BYTES + c.getOutputSize(plaintext.length));
            c.doFinal(plaintext, 0, plaintext.length, out, IV_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    /**
     * @return the plain body, or empty when the key is unknown or the ciphertext, tag or associated
     *         data do not match
     */
    public Optional<byte[]> open(String keyId, byte[] associatedData, byte[] sealed) {
        if (sealed.length < IV_BYTES + TAG_BITS / 8) return Optional.empty();
        Optional<SecretKeySpec> key = aesKey(keys.current(), keyId);
        if (key.isEmpty()) return Optional.empty();
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            c.updateAAD(associatedData);
            return Optional.of(c.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private Optional<SecretKeySpec> aesKey(KeyRing ring, String keyId) {
        DerivedKeys seen = derived;
        if (seen == null || seen.ring != ring) {
            seen = new DerivedKeys(ring, new java.util.concurrent.ConcurrentHashMap<>());
            derived = seen;
        }
        DerivedKeys d = seen;
        SecretKeySpec cached = d.byKid.get(keyId);
        if (cached != null) return Optional.of(cached);
        Optional<SecretKeySpec> k = ring.key(keyId).map(ringKey -> {
            Mac mac = HmacScheme.newMac(new SecretKeySpec(ringKey, "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal(LABEL), "AES");
        });
        // Into the map of the ring the key was derived from, never a newer one.
        k.ifPresent(v -> d.byKid.put(keyId, v));
        return k;
    }
}
