package io.edgemesh.envelope;

import io.edgemesh.envelope.internal.Ed25519Codec;
import io.edgemesh.envelope.internal.Fields;

/**
 * An Ed25519 private key (the 32-byte RFC 8032 seed) with its key id and public key. Only the
 * signing layer holds one; verifiers get {@link Ed25519PublicKeys}.
 */
public final class Ed25519SigningKey {
    private final String keyId;
    private final byte[] seed;
    private final byte[] publicKey;

    private Ed25519SigningKey(String keyId, byte[] seed, byte[] publicKey) {
        try {
            Fields.requireToken("keyId", keyId, 64, Fields.KEY_ID);
        } catch (EnvelopeRejectedException e) {
            throw new IllegalArgumentException("key id must match [A-Za-z0-9._-]{1,64}");
        }
        if (seed == null || seed.length != 32 || publicKey == null || publicKey.length != 32) {
            throw new IllegalArgumentException("Ed25519 seed and public key are 32 bytes each");
        }
        this.keyId = keyId;
        this.seed = seed.clone();
        this.publicKey = publicKey.clone();
    }

    /** A new random key pair (JDK generator). */
    public static Ed25519SigningKey generate(String keyId) {
        byte[][] pair = Ed25519Codec.generate();
        return new Ed25519SigningKey(keyId, pair[0], pair[1]);
    }

    /** The key for a stored seed; the public key is derived from it. */
    public static Ed25519SigningKey fromSeed(String keyId, byte[] seed) {
        if (seed == null || seed.length != 32) throw new IllegalArgumentException("Ed25519 seed is 32 bytes");
        return new Ed25519SigningKey(keyId, seed, Ed25519Codec.publicKeyOf(seed));
    }

    public String keyId() { return keyId; }

    public byte[] seed() { return seed.clone(); }

    /** The raw 32-byte public key to hand to verifiers. */
    public byte[] publicKey() { return publicKey.clone(); }

    @Override
    public String toString() { return "Ed25519SigningKey[" + keyId + "]"; }
}
