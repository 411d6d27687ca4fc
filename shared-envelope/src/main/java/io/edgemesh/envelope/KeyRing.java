package io.edgemesh.envelope;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HMAC keys a function holds: every active key verifies, the primary one signs. Rotation is
 * add a key, make it primary once every verifier has it, then drop the old one, so no call is ever
 * refused because of a rotation. Immutable; key bytes are copied in and out.
 */
public final class KeyRing {
    /** HMAC-SHA256 keys shorter than the hash output weaken it; refuse them at load time. */
    public static final int MIN_KEY_BYTES = 32;

    private final String primaryKeyId;
    private final Map<String, byte[]> keys;

    private KeyRing(String primaryKeyId, Map<String, byte[]> keys) {
        this.primaryKeyId = primaryKeyId;
        this.keys = keys;
    }

    /**
     * @param primaryKeyId the key that signs; must be in {@code keys}
     * @param keys         key id to raw key bytes (at least {@value #MIN_KEY_BYTES} each)
     */
    public static KeyRing of(String primaryKeyId, Map<String, byte[]> keys) {
        if (keys == null || keys.isEmpty()) throw new IllegalArgumentException("a key ring needs at least one key");
        Map<String, byte[]> copy = new LinkedHashMap<>();
        keys.forEach((kid, key) -> {
            try {
                io.edgemesh.envelope.internal.Fields.requireToken("keyId", kid, 64, io.edgemesh.envelope.internal.Fields.KEY_ID);
            } catch (EnvelopeRejectedException e) {
                throw new IllegalArgumentException("key id must match [A-Za-z0-9._-]{1,64}: " + kid);
            }
            if (key == null || key.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("key " + kid + " is shorter than " + MIN_KEY_BYTES + " bytes");
            }
            copy.put(kid, key.clone());
        });
        if (!copy.containsKey(primaryKeyId)) {
            throw new IllegalArgumentException("primary key id " + primaryKeyId + " is not in the ring");
        }
        return new KeyRing(primaryKeyId, Collections.unmodifiableMap(copy));
    }

    public String primaryKeyId() { return primaryKeyId; }

    public Set<String> keyIds() { return keys.keySet(); }

    /** A copy of the key bytes for {@code keyId}, if it is in the ring. */
    public Optional<byte[]> key(String keyId) {
        byte[] k = keys.get(keyId);
        return k == null ? Optional.empty() : Optional.of(k.clone());
    }

    /** A ring with the same keys and another primary (the second step of a rotation). */
    public KeyRing withPrimary(String keyId) { return of(keyId, keys); }

    /** A ring with {@code keyId} added (the first step of a rotation). */
    public KeyRing with(String keyId, byte[] key) {
        Map<String, byte[]> m = new LinkedHashMap<>(keys);
        m.put(keyId, key);
        return of(primaryKeyId, m);
    }

    /** A ring without {@code keyId} (the last step of a rotation); the primary cannot be removed. */
    public KeyRing without(String keyId) {
        if (keyId.equals(primaryKeyId)) throw new IllegalArgumentException("cannot remove the primary key");
        Map<String, byte[]> m = new LinkedHashMap<>(keys);
        m.remove(keyId);
        return of(primaryKeyId, m);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KeyRing other) || !primaryKeyId.equals(other.primaryKeyId)
                || !keys.keySet().equals(other.keys.keySet())) return false;
        for (var e : keys.entrySet()) {
            if (!java.security.MessageDigest.isEqual(e.getValue(), other.keys.get(e.getKey()))) return false;
        }
        return true;
    }

    @Override
    public int hashCode() { return primaryKeyId.hashCode() * 31 + keys.keySet().hashCode(); }

    /** Key ids only: key bytes never reach a log. */
    @Override
    public String toString() { return "KeyRing[primary=" + primaryKeyId + ", keys=" + keys.keySet() + "]"; }

}
