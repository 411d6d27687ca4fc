package io.edgemesh.backbone.uploads;

import io.edgemesh.common.ApiException;
import java.text.Normalizer;

/**
 * Makes a client's file name safe to store and show. The name is only ever displayed (keys use the
 * document id), but it ends up in HTML, logs and citations, so: only the last path segment is kept
 * ({@code ../../etc/passwd} → {@code passwd}, {@code C:\x\y.pdf} → {@code y.pdf}); control and
 * invisible formatting characters go (a right-to-left override can make {@code exe.pdf} read as
 * {@code fdp.exe}); runs of white space become one space; leading dots go (no hidden or relative
 * names); the result is NFC and at most {@value #MAX_LENGTH} characters, keeping the extension.
 */
public final class FileNames {
    public static final int MAX_LENGTH = 200;
    /** Longer input is refused outright rather than processed: nobody has a 4 KB file name. */
    static final int MAX_INPUT = 1024;

    private FileNames() { }

    public static String sanitise(String raw) {
        if (raw == null || raw.isBlank()) throw ApiException.invalid("filename is required (a non-empty string)");
        if (raw.length() > MAX_INPUT) throw ApiException.invalid("filename is longer than " + MAX_INPUT + " characters");
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
        int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(cut + 1);
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = true; // tabs and line breaks included: they become one plain space
                continue;
            }
            int type = Character.getType(cp);
            if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE || type == Character.UNASSIGNED || cp == ':' ) {
                continue;
            }
            if (space && sb.length() > 0) sb.append(' ');
            space = false;
            sb.appendCodePoint(cp);
        }
        String out = sb.toString();
        int lead = 0;
        while (lead < out.length() && out.charAt(lead) == '.') lead++;
        out = out.substring(lead).strip();
        if (out.isEmpty()) throw ApiException.invalid("filename has no usable characters after removing paths and control characters");
        return truncate(out);
    }

    private static String truncate(String s) {
        if (s.codePointCount(0, s.length()) <= MAX_LENGTH) return s;
        int dot = s.lastIndexOf('.');
        String ext = dot > 0 && s.length() - dot <= 10 ? s.substring(dot) : "";
        String stem = ext.isEmpty() ? s : s.substring(0, dot);
        int keep = MAX_LENGTH - ext.codePointCount(0, ext.length());
        String cutStem = stem.substring(0, stem.offsetByCodePoints(0, keep)).strip();
        return cutStem + ext;
    }
}
