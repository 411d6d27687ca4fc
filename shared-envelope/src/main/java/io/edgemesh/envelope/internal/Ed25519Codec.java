package io.edgemesh.envelope.internal;

import io.edgemesh.envelope.Ed25519Provider;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Raw 32-byte Ed25519 keys to and from the JDK's encoded forms. The DER prefixes are fixed for
 * Ed25519 (RFC 8410), so the raw key is simply what follows them.
 */
public final class Ed25519Codec {
    private Ed25519Codec() { }

    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    /** {@code [seed, publicKey]} of a new random key pair. */
    public static byte[][] generate() {
        try {
            KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new byte[][] {rawPrivate(kp.getPrivate()), rawPublic(kp.getPublic())};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    /** The public key of {@code seed}, by BouncyCastle when present, else by the JDK generator fed the seed. */
    public static byte[] publicKeyOf(byte[] seed) {
        if (Ed25519Provider.fastestAvailable() == Ed25519Provider.BOUNCY_CASTLE) {
            return Ed25519Schemes.bcPublicKeyOf(seed);
        }
        return jdkPublicKeyOf(seed);
    }

    static byte[] jdkPublicKeyOf(byte[] seed) {
        try {
            // The JDK has no "public key of this private key" call, but its generator draws exactly
            // the 32-byte seed from the random source it is given.
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            });
            byte[] pub = rawPublic(g.generateKeyPair().getPublic());
            return pub;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    public static PublicKey jdkPublicKey(byte[] raw) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    public static PrivateKey jdkPrivateKey(byte[] seed) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
    }

    static byte[] rawPublic(PublicKey key) {
        return suffix(key.getEncoded(), X509_PREFIX);
    }

    static byte[] rawPrivate(PrivateKey key) {
        return suffix(key.getEncoded(), PKCS8_PREFIX);
    }

    private static byte[] suffix(byte[] encoded, byte[] prefix) {
        if (encoded.length < prefix.length + 32 || !Arrays.equals(encoded, 0, prefix.length, prefix, 0, prefix.length)) {
            throw new IllegalStateException("unexpected Ed25519 key encoding");
        }
        return Arrays.copyOfRange(encoded, prefix.length, prefix.length + 32);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
