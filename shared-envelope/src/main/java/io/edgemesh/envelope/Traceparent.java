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
        if (value.charAt(0) != '0' || value.charAt(1) != '0' || value.charAt(2) != '-'
                || value.charAt(35) != '-' || value.charAt(52) != '-') return false;
        return hexNotZero(value, 3, 35) && hexNotZero(value, 36, 52) && hex(value, 53, 55);
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

    private static boolean hexNotZero(String s, int from, int to) {
        boolean nonZero = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isLowerHex(c)) return false;
            if (c != '0') nonZero = true;
        }
        return nonZero;
    }

    private static boolean hex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isLowerHex(s.charAt(i))) return false;
        }
        return true;
    }

    private static boolean isLowerHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
