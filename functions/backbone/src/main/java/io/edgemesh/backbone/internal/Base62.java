package io.edgemesh.backbone.internal;

import java.security.SecureRandom;

/**
 * Random identifiers in {@code [0-9A-Za-z]}. Bytes are drawn from {@link SecureRandom} and those at
 * or above 248 (= 4 × 62) are discarded, so every symbol is equally likely: a plain {@code b % 62}
 * would favour the first eight symbols and shave entropy off every key.
 */
public final class Base62 {
    public static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Base62() { }

    public static String random(int length) {
        if (length <= 0) throw new IllegalArgumentException("length must be positive");
        StringBuilder sb = new StringBuilder(length);
        byte[] buf = new byte[length + 8];
        while (sb.length() < length) {
            RANDOM.nextBytes(buf);
            for (int i = 0; i < buf.length && sb.length() < length; i++) {
                int b = buf[i] & 0xff;
                if (b < 248) sb.append(ALPHABET.charAt(b % 62));
            }
        }
        return sb.toString();
    }

    /** True when {@code s} has exactly {@code length} base62 symbols. */
    public static boolean is(String s, int length) {
        if (s == null || s.length() != length) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!ok) return false;
        }
        return true;
    }
}
