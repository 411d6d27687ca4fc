package io.edgemesh.analysis.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises what a file really is from its first bytes, so a declared type can be checked and a
 * mismatch named in words ("a Windows executable") rather than in hex.
 */
public final class Magic {

    private record Sig(byte[] prefix, String what) { }

    private static final List<Sig> SIGNATURES = List.of(
            sig("%PDF-", "a PDF document"),
            sig(new byte[] {'P', 'K', 3, 4}, "a ZIP archive (or an Office document)"),
            sig(new byte[] {'P', 'K', 5, 6}, "an empty ZIP archive"),
            sig("MZ", "a Windows executable"),
            sig(new byte[] {0x7F, 'E', 'L', 'F'}, "an ELF executable"),
            sig(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE}, "a Mach-O or Java class file"),
            sig(new byte[] {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE}, "a Mach-O executable"),
            sig(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, "a legacy Office (OLE) document"),
            sig("{\\rtf", "an RTF document"),
            sig("%!PS", "a PostScript program"),
            sig("#!", "a script"),
            sig(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "a PNG image"),
            sig(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "a JPEG image"),
            sig("GIF8", "a GIF image"),
            sig("Rar!", "a RAR archive"),
            sig(new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF}, "a 7-Zip archive"),
            sig(new byte[] {0x1F, (byte) 0x8B}, "a gzip archive"));

    private static final List<String> MARKUP = List.of("<!doctype html", "<html", "<script", "<svg", "<?xml");

    private Magic() { }

    /** What the bytes look like, or empty when nothing known matches. */
    public static Optional<String> sniff(byte[] b) {
        for (Sig s : SIGNATURES) {
            if (startsWith(b, 0, s.prefix)) return Optional.of(s.what);
        }
        int i = 0;
        if (startsWith(b, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})) i = 3;
        while (i < b.length && i < 256 && Character.isWhitespace(b[i])) i++;
        String head = new String(b, i, Math.min(16, b.length - i), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String m : MARKUP) {
            if (head.startsWith(m)) return Optional.of(m.equals("<?xml") ? "an XML document" : m.equals("<svg") ? "an SVG image" : "an HTML page");
        }
        return Optional.empty();
    }

    /** Whether an executable or archive header appears anywhere in {@code b[from..]} (polyglot tails). */
    public static Optional<String> embeddedHeader(byte[] b, int from) {
        byte[][] heads = {{'P', 'K', 3, 4}, {'M', 'Z', (byte) 0x90, 0}, {0x7F, 'E', 'L', 'F'}};
        String[] names = {"a ZIP archive", "a Windows executable", "an ELF executable"};
        for (int h = 0; h < heads.length; h++) {
            BytePattern p = new BytePattern(heads[h]);
            if (from < b.length && p.foundIn(b, from, b.length - from)) return Optional.of(names[h]);
        }
        return Optional.empty();
    }

    public static boolean startsWith(byte[] b, int off, byte[] prefix) {
        if (b.length - off < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if (b[off + i] != prefix[i]) return false;
        }
        return true;
    }

    /** Index of the last occurrence of {@code needle}, or -1. */
    public static int lastIndexOf(byte[] b, byte[] needle) {
        outer:
        for (int i = b.length - needle.length; i >= 0; i--) {
            for (int k = 0; k < needle.length; k++) {
                if (b[i + k] != needle[k]) continue outer;
            }
            return i;
        }
        return -1;
    }

    private static Sig sig(String ascii, String what) {
        return new Sig(ascii.getBytes(StandardCharsets.US_ASCII), what);
    }

    private static Sig sig(byte[] prefix, String what) {
        return new Sig(prefix, what);
    }
}
