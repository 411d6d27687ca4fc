package io.edgemesh.envelope.internal;

import io.edgemesh.envelope.KeyRing;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses the local key ring spec {@code kid1:base64key,kid2:base64key}; the first entry is the primary. */
public final class EnvKeySource {
    private EnvKeySource() { }

    public static KeyRing parse(String spec) {
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException("the envelope key spec is empty");
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String primary = null;
        int index = 0;
        for (String entry : spec.split(",", -1)) {
            index++;
            String e = entry.strip();
            int colon = e.indexOf(':');
            if (colon <= 0 || colon == e.length() - 1) {
                throw new IllegalArgumentException("envelope key entry " + index + " is not kid:base64key");
            }
            String kid = e.substring(0, colon).strip();
            byte[] key = decode(e.substring(colon + 1).strip(), index);
            if (keys.putIfAbsent(kid, key) != null) {
                throw new IllegalArgumentException("envelope key id " + kid + " appears twice");
            }
            if (primary == null) primary = kid;
        }
        return KeyRing.of(primary, keys);
    }

    /** Standard or URL-safe base64, padded or not; the error names the entry, never the bytes. */
    static byte[] decode(String text, int index) {
        try {
            boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("envelope key entry " + index + " is not valid base64");
        }
    }
}
