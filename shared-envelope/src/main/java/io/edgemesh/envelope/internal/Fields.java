package io.edgemesh.envelope.internal;

import io.edgemesh.envelope.EnvelopeRejectedException;
import io.edgemesh.envelope.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Field checks for envelopes. Hand-written character loops rather than regular expressions because
 * they run on every sign and verify. Every check also enforces a canonical spelling (no leading
 * zeros, lowercase hex, unpadded base64url without stray bits) so that a mutated field can never
 * decode to the same value as the signed one.
 */
public final class Fields {
    private Fields() { }

    /** Character classes for {@link #requireToken}. */
    public static final int KEY_ID = 1;
    public static final int ID = 2;
    public static final int LAYER = 3;
    public static final int OPERATION = 4;

    /** Year 9999: far beyond any real expiry, small enough that arithmetic on it cannot overflow. */
    public static final long MAX_EPOCH_SECONDS = 253_402_300_799L;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** {@code TABLES[charClass][c]}: whether ASCII char {@code c} may appear in a field of that class. */
    private static final boolean[][] TABLES = new boolean[5][128];
    private static final boolean[] BASE64URL = new boolean[128];
    public static final boolean[] LOWER_HEX = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            boolean lower = c >= 'a' && c <= 'z';
            boolean digit = c >= '0' && c <= '9';
            boolean alnum = lower || digit || (c >= 'A' && c <= 'Z');
            TABLES[LAYER][c] = lower || digit || c == '-';
            TABLES[KEY_ID][c] = alnum || c == '.' || c == '_' || c == '-';
            TABLES[ID][c] = TABLES[KEY_ID][c] || c == ':';
            TABLES[OPERATION][c] = TABLES[ID][c] || c == '/';
            BASE64URL[c] = alnum || c == '-' || c == '_';
            LOWER_HEX[c] = digit || (c >= 'a' && c <= 'f');
        }
    }

    public static void requireToken(String name, String value, int maxLength, int charClass) {
        if (value == null || value.isEmpty() || value.length() > maxLength) throw malformed(name);
        if (!allIn(value, TABLES[charClass])) throw malformed(name);
    }

    public static void requireEpochSeconds(String name, long value) {
        if (value < 0 || value > MAX_EPOCH_SECONDS) throw malformed(name);
    }

    public static boolean isLowerHex(String s, int length) {
        return s != null && s.length() == length && allIn(s, LOWER_HEX);
    }

    /**
     * Whether every char of {@code s} is an ASCII char marked in {@code table}. Works on the Latin-1
     * bytes (a plain array copy for the compact strings these are) because a charAt loop measured
     * several times slower; any char above U+00FF becomes '?', which no table allows.
     */
    public static boolean allIn(String s, boolean[] table) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        for (byte x : b) {
            if (x < 0 || !table[x]) return false;
        }
        return true;
    }

    /**
     * Unpadded base64url whose decoding re-encodes to the same text: the unused low bits of the last
     * character must be zero, or two spellings would decode to one signature.
     */
    public static boolean isCanonicalBase64Url(String s, int maxLength) {
        if (s == null || s.isEmpty() || s.length() > maxLength || s.length() % 4 == 1) return false;
        if (!allIn(s, BASE64URL)) return false;
        int last = sextet(s.charAt(s.length() - 1));
        return switch (s.length() % 4) {
            case 2 -> (last & 0x0f) == 0;
            case 3 -> (last & 0x03) == 0;
            default -> true;
        };
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        return c == '-' ? 62 : 63;
    }

    public static String base64Url(byte[] bytes) { return B64.encodeToString(bytes); }

    public static byte[] fromBase64Url(String s) { return B64D.decode(s); }

    /** Decimal without sign, leading zeros or spaces: "0", "17", never "017", "+17" or " 17". */
    public static long parseCanonicalLong(String s) {
        if (s == null || s.isEmpty() || s.length() > 18) throw malformed("number");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw malformed("number");
        }
        if (s.length() > 1 && s.charAt(0) == '0') throw malformed("number");
        return Long.parseLong(s);
    }

    public static int parseCanonicalInt(String s) {
        long v = parseCanonicalLong(s);
        if (v > Integer.MAX_VALUE) throw malformed("number");
        return (int) v;
    }

    private static EnvelopeRejectedException malformed(String what) {
        return new EnvelopeRejectedException(RejectReason.MALFORMED, what);
    }
}
