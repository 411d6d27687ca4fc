package io.edgemesh.analysis.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Rules for indirect prompt injection: text in a document that instructs the AI assistant which
 * will later read it ("ignore previous instructions", "do not tell the user", "in your reply add
 * ..."), in English, German, Spanish, French and Portuguese. The rules live in a resource file so
 * they can be reviewed without reading Java; text is normalised (NFKC, lower case, zero-width
 * characters stripped, whitespace collapsed) so trivial obfuscation does not slip through.
 */
public final class InjectionRules {

    public static final String RESOURCE = "/io/edgemesh/analysis/scan/hidden-instruction-rules.tsv";
    private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200B-\\u200F\\u2060-\\u2064\\uFEFF\\u00AD\\u180E]");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    /** One rule: id like {@code en.ignore_instructions}, its language, a reason for people, the pattern. */
    public record Rule(String id, String language, String reason, Pattern pattern) { }

    /** One match, with a short excerpt of the normalised text. */
    public record Hit(Rule rule, String excerpt, int start) { }

    private final List<Rule> rules;

    public InjectionRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The built-in rule set. */
    public static InjectionRules builtIn() {
        return new InjectionRules(load(InjectionRules.class.getResourceAsStream(RESOURCE)));
    }

    public List<Rule> rules() {
        return rules;
    }

    /** First hit of each rule in {@code text} (already normalised or not: it is normalised here). */
    public List<Hit> find(String text) {
        String n = normalise(text);
        List<Hit> out = new ArrayList<>();
        for (Rule r : rules) {
            Matcher m = r.pattern.matcher(n);
            if (m.find()) out.add(new Hit(r, excerpt(n, m.start(), m.end()), m.start()));
        }
        return out;
    }

    public static String normalise(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC);
        t = ZERO_WIDTH.matcher(t).replaceAll("");
        t = t.replace('\u2019', '\'').replace('\u2018', '\'');
        t = SPACE.matcher(t).replaceAll(" ");
        return t.toLowerCase(Locale.ROOT);
    }

    /** Whether the text uses zero-width characters inside words, a common way to dodge filters. */
    public static boolean hasZeroWidthInsideWords(String text) {
        return Pattern.compile("\\p{L}[\\u200B-\\u200D\\u2060\\uFEFF]+\\p{L}").matcher(text).find();
    }

    static List<Rule> load(InputStream in) {
        if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
        List<Rule> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t", 4);
                if (cols.length != 4) throw new IllegalStateException(RESOURCE + ":" + lineNo + ": expected 4 tab-separated columns");
                try {
                    out.add(new Rule(cols[0].strip(), cols[1].strip(), cols[2].strip(),
                            Pattern.compile(cols[3].strip(), Pattern.UNICODE_CHARACTER_CLASS | Pattern.MULTILINE)));
                } catch (PatternSyntaxException e) {
                    throw new IllegalStateException(RESOURCE + ":" + lineNo + ": bad regex: " + e.getDescription(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String excerpt(String n, int start, int end) {
        int s = Math.max(0, start - 10);
        int e = Math.min(n.length(), Math.max(end, start + 40) + 10);
        e = Math.min(e, s + 100);
        String x = n.substring(s, e).replaceAll("[\\p{Cntrl}]", " ").strip();
        return (s > 0 ? "…" : "") + x + (e < n.length() ? "…" : "");
    }
}
