package io.edgemesh.backbone.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and constant-time comparison, the two primitives keys and the audit chain rely on. */
public final class Hashing {
    private Hashing() { }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    public static String sha256Hex(byte[] data) { return HexFormat.of().formatHex(sha256(data)); }

    public static String sha256Hex(String text) { return sha256Hex(text.getBytes(StandardCharsets.UTF_8)); }

    /**
     * Compares without an early exit, so the time taken does not tell an attacker how many leading
     * characters of a guessed key or hash were right. {@link MessageDigest#isEqual} has been constant
     * time (for equal lengths) since JDK 6u17; a length difference is not secret here.
     */
    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) return false;
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
