package io.edgemesh.envelope;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * W3C Trace Context {@code traceparent} values (version 00): checking one that arrived and starting a
 * new one when a call has none, so that every envelope continues or opens a trace.
 */
public final class Traceparent {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private Traceparent() { }

    /** {@code 00-<32 lowercase hex, not all 0>-<16 lowercase hex, not all 0>-<2 lowercase hex>}. */
    public static boolean isValid(String value) {
        if (value == null || value.length() != 55) return false;
        byte[] b = value.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        if (b[0] != '0' || b[1] != '0' || b[2] != '-' || b[35] != '-' || b[52] != '-') return false;
        return hexNotZero(b, 3, 35) && hexNotZero(b, 36, 52) && hex(b, 53, 55);
    }

    /** A fresh sampled trace with a random trace id and parent id. */
    public static String newTrace() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        b[0] |= 1; // never all zeros
        b[16] |= 1;
        return "00-" + HEX.formatHex(b, 0, 16) + "-" + HEX.formatHex(b, 16, 24) + "-01";
    }

    /** {@code value} when valid, else a new trace: a malformed header from outside never breaks a call. */
    public static String orNew(String value) {
        return isValid(value) ? value : newTrace();
    }

    private static boolean hexNotZero(byte[] b, int from, int to) {
        boolean nonZero = false;
        for (int i = from; i < to; i++) {
            if (!isLowerHex(b[i])) return false;
            if (b[i] != '0') nonZero = true;
        }
        return nonZero;
    }

    private static boolean hex(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isLowerHex(b[i])) return false;
        }
        return true;
    }

    private static boolean isLowerHex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
