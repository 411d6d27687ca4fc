package io.edgemesh.firewall.detect;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A cheap pre-check for a rule: the first words its leading alternation can start with. A rule whose
 * anchors are all absent from a message cannot match, so its regex (dozens of alternatives tried at
 * every word of a long jailbreak prompt) is skipped. Rules whose start is not a plain alternation of
 * words get no anchors and always run.
 */
final class Anchors {
    private static final Pattern PLAIN = Pattern.compile("[a-z][a-z' -]*");
    private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Anchors() { }

    /** The anchor words of {@code regex}, or null when it has none that can be trusted. */
    static Set<String> of(String regex) {
        // the match must start at a word start and the alternation end at a word end, or a word set says nothing
        if (!regex.startsWith("\\b(")) return null;
        String r = regex.substring(2);
        int depth = 0;
        int end = -1;
        for (int i = 0; i < r.length() && end < 0; i++) {
            char c = r.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '(') depth++;
            if (c == ')' && --depth == 0) end = i;
        }
        if (end < 0 || topLevelAlternation(r)) return null;
        String after = r.substring(end + 1);
        if (!(after.startsWith("\\b") || after.startsWith("\\W") || after.startsWith("\\s"))) return null;
        Set<String> anchors = new HashSet<>();
        for (String alt : r.substring(1, end).split("\\|", -1)) {
            if (!PLAIN.matcher(alt).matches()) return null;
            anchors.add(WORD_SPLIT.split(alt)[0]);
        }
        return anchors;
    }

    /** A '|' outside every group means some matches do not start with the first group at all. */
    private static boolean topLevelAlternation(String r) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\') { i++; continue; }
            if (inClass) { if (c == ']') inClass = false; continue; }
            if (c == '[') inClass = true;
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '|' && depth == 0) return true;
        }
        return false;
    }

    /** The words of a folded text, for {@link #present}. */
    static Set<String> words(String folded) {
        Set<String> words = new HashSet<>();
        for (String w : WORD_SPLIT.split(folded)) if (!w.isEmpty()) words.add(w);
        return words;
    }

    static boolean present(Set<String> anchors, Set<String> words) {
        if (anchors == null) return true;
        for (String a : anchors) if (words.contains(a)) return true;
        return false;
    }
}
