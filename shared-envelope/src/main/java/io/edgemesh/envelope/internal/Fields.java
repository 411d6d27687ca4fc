package io.edgemesh.envelope.internal;

import io.edgemesh.envelope.EnvelopeRejectedException;
import io.edgemesh.envelope.RejectReason;
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

    public static void requireToken(String name, String value, int maxLength, int charClass) {
        if (value == null || value.isEmpty() || value.length() > maxLength) throw malformed(name);
        for (int i = 0; i < value.length(); i++) {
            if (!allowed(value.charAt(i), charClass)) throw malformed(name);
        }
    }

    private static boolean allowed(char c, int charClass) {
        boolean lower = c >= 'a' && c <= 'z';
        boolean digit = c >= '0' && c <= '9';
        if (charClass == LAYER) return lower || digit || c == '-';
        boolean alnum = lower || digit || (c >= 'A' && c <= 'Z');
        return switch (charClass) {
            case KEY_ID -> alnum || c == '.' || c == '_' || c == '-';
            case ID -> alnum || c == '.' || c == '_' || c == '-' || c == ':';
            case OPERATION -> alnum || c == '.' || c == '_' || c == '-' || c == ':' || c == '/';
            default -> false;
        };
    }

    public static void requireEpochSeconds(String name, long value) {
        if (value < 0 || value > MAX_EPOCH_SECONDS) throw malformed(name);
    }

    public static boolean isLowerHex(String s, int length) {
        if (s == null || s.length() != length) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
        }
        return true;
    }

    /** Unpadded base64url whose decoding re-encodes to the same text (no unused bits set). */
    public static boolean isCanonicalBase64Url(String s, int maxLength) {
        if (s == null || s.isEmpty() || s.length() > maxLength || s.length() % 4 == 1) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) return false;
        }
        try {
            return B64.encodeToString(B64D.decode(s)).equals(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
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
