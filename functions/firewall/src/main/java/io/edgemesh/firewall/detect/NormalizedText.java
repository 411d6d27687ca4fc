package io.edgemesh.firewall.detect;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The forms of a message the detectors look at. {@code original} is what the visitor sent;
 * {@code folded} defeats the usual evasions: compatibility forms and full-width letters (NFKC),
 * invisible characters, accents, Cyrillic and Greek look-alike letters, case, leetspeak digits and
 * letters spaced apart ("i g n o r e", "i.g.n.o.r.e"); {@code compact} holds only the runs that were
 * spaced apart, joined (space-separated between runs), for the few rules that must survive a message
 * whose every letter was spaced apart, word gaps included (its word boundaries are gone then). It is
 * empty for ordinary text, so those rules cannot fire across the words of a normal sentence.
 */
public record NormalizedText(String original, String folded, String compact) {
    private static final Pattern INVISIBLE = Pattern.compile(
            "[\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACED = Pattern.compile("(?<![\\p{L}\\p{N}])(?:\\p{L}[ .\\-_*|/]){3,}\\p{L}(?![\\p{L}\\p{N}])");
    private static final Pattern SEPARATOR = Pattern.compile("[ .\\-_*|/]");
    private static final Pattern WS = Pattern.compile("\\s+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Cyrillic and Greek letters that render like Latin ones; mixing them in defeats plain regexes. */
    private static final String CONFUSABLE_FROM = "аеорсхуіјѕԁһкмтвнαεοιτυνχ";
    private static final String CONFUSABLE_TO   = "aeopcxyijsdhkmtbhaeoituvx";

    public static NormalizedText of(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = INVISIBLE.matcher(s).replaceAll("");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = s.toLowerCase(Locale.ROOT);
        s = unconfuse(s);
        StringBuilder runs = new StringBuilder();
        s = SPACED.matcher(s).replaceAll(m -> {
            String joined = SEPARATOR.matcher(m.group()).replaceAll("");
            runs.append(joined).append(' ');
            return joined;
        });
        s = deLeet(s);
        s = WS.matcher(s).replaceAll(" ").strip();
        String compact = runs.isEmpty() ? "" : NOT_ALNUM.matcher(deLeet(runs.toString())).replaceAll(" ").strip();
        return new NormalizedText(text, s, compact);
    }

    private static String unconfuse(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            int k = CONFUSABLE_FROM.indexOf(s.charAt(i));
            if (k >= 0) {
                if (b == null) b = new StringBuilder(s);
                b.setCharAt(i, CONFUSABLE_TO.charAt(k));
            }
        }
        return b == null ? s : b.toString();
    }

    /**
     * Leetspeak digits and symbols become the letters they imitate inside a run that has at least one
     * real letter ("1gn0r3", "a11"); runs without letters (amounts, dates, card numbers) stay as they are.
     */
    private static String deLeet(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int j = i;
            boolean letter = false;
            while (j < s.length() && (Character.isLetter(s.charAt(j)) || leet(s.charAt(j)) != 0)) {
                letter |= Character.isLetter(s.charAt(j));
                j++;
            }
            if (j == i) {
                b.append(s.charAt(i++));
                continue;
            }
            for (int k = i; k < j; k++) {
                char c = s.charAt(k);
                char l = leet(c);
                b.append(letter && l != 0 ? l : c);
            }
            i = j;
        }
        return b.toString();
    }

    private static char leet(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> 0;
        };
    }
}
