package io.edgemesh.firewall.detect;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The forms of a message the detectors look at. {@code original} is what the visitor sent;
 * {@code folded} defeats the usual evasions: compatibility forms and full-width letters (NFKC),
 * invisible characters, accents, case, leetspeak digits and letters spaced apart ("i g n o r e").
 */
public record NormalizedText(String original, String folded) {
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\uFEFF]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACED = Pattern.compile("\\b(?:\\p{L} ){3,}\\p{L}\\b");
    private static final Pattern WS = Pattern.compile("\\s+");

    public static NormalizedText of(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = INVISIBLE.matcher(s).replaceAll("");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = s.toLowerCase(Locale.ROOT);
        s = SPACED.matcher(s).replaceAll(m -> m.group().replace(" ", ""));
        s = deLeet(s);
        s = WS.matcher(s).replaceAll(" ").strip();
        return new NormalizedText(text, s);
    }

    /** Digits inside words become the letters they imitate; standalone numbers stay numbers. */
    private static String deLeet(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean inWord = (i > 0 && Character.isLetter(s.charAt(i - 1))) || (i + 1 < s.length() && Character.isLetter(s.charAt(i + 1)));
            if (inWord) {
                c = switch (c) {
                    case '0' -> 'o';
                    case '1' -> 'i';
                    case '3' -> 'e';
                    case '4' -> 'a';
                    case '5' -> 's';
                    case '7' -> 't';
                    case '@' -> 'a';
                    case '$' -> 's';
                    default -> c;
                };
            }
            b.append(c);
        }
        return b.toString();
    }
}
