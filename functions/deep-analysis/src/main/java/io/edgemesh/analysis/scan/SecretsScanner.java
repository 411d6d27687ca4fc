package io.edgemesh.analysis.scan;

import io.edgemesh.analysis.internal.InjectionRules;
import io.edgemesh.analysis.internal.SafePdf;
import io.edgemesh.analysis.internal.SecretRules;
import io.edgemesh.analysis.internal.TextExtraction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Scanner 4, secrets and hidden instructions in the text a chatbot would later quote: cloud
 * credentials, private keys, API tokens, JWTs and high-entropy assignments (reported masked), and
 * instructions aimed at an AI assistant (indirect prompt injection) in five languages. Text drawn
 * invisibly (rendering mode 3, white fill, sub-point size) is examined on its own so a finding can
 * say it was hidden; invisible text alone is only reported, since OCR layers use it legitimately.
 */
public final class SecretsScanner implements Scanner {

    public static final String NAME = "secrets";
    private static final int MAX_SECRET_HITS = 20;
    private static final int MIN_HIDDEN_CHARS = 20;

    private final InjectionRules injection;

    public SecretsScanner(InjectionRules injection) {
        this.injection = injection;
    }

    public SecretsScanner() {
        this(InjectionRules.builtIn());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ScanResult scan(ScanInput in) {
        List<Finding> findings = new ArrayList<>();
        String[] error = new String[1];
        byte[] bytes = Reading.bytesOrFinding(in, findings, error);
        if (error[0] != null) return ScanResult.error(NAME, error[0]);
        if (bytes == null || bytes.length == 0) return ScanResult.of(NAME, findings);
        ScannerPolicy p = in.policy();
        TextExtraction.Text text;
        if (in.declaredPdf()) {
            SafePdf.Outcome o = SafePdf.open(bytes, p.limits(), null);
            if (o instanceof SafePdf.Refused r) {
                findings.add(Reading.unscannable(p, r));
                return ScanResult.of(NAME, findings);
            }
            try (SafePdf.Opened opened = (SafePdf.Opened) o) {
                text = TextExtraction.extract(opened.document(), p.maxPages(), p.limits().maxExtractedChars());
            } catch (IOException | RuntimeException | StackOverflowError e) {
                findings.add(p.finding("content.not_scanned", Category.UNSCANNABLE, "not inspected: the PDF's text cannot be extracted ("
                        + e.getClass().getSimpleName() + ")"));
                return ScanResult.of(NAME, findings);
            }
        } else {
            String s = new String(bytes, StandardCharsets.UTF_8);
            int max = p.limits().maxExtractedChars();
            text = new TextExtraction.Text(s.length() > max ? s.substring(0, max) : s, "", 0, s.length() > max);
        }
        findings.addAll(examine(text, p));
        return ScanResult.of(NAME, findings);
    }

    /** The findings for already-extracted text (also used by the evaluation harness). */
    public List<Finding> examine(TextExtraction.Text text, ScannerPolicy p) {
        List<Finding> findings = new ArrayList<>();
        for (SecretRules.Hit h : SecretRules.find(text.all(), MAX_SECRET_HITS)) {
            findings.add(p.finding("secret." + h.ruleId(), h.category(), h.description() + " in the text: " + h.masked()));
        }
        List<String> hiddenHits = new ArrayList<>();
        if (!text.hidden().isBlank()) {
            for (InjectionRules.Hit h : injection.find(text.hidden())) {
                hiddenHits.add(h.rule().id());
                findings.add(p.finding("injection." + h.rule().id(), Category.PROMPT_INJECTION,
                        "hidden instruction to an AI assistant in invisible text: " + h.rule().reason() + " (\"" + h.excerpt() + "\")"));
            }
        }
        for (InjectionRules.Hit h : injection.find(text.all())) {
            if (hiddenHits.contains(h.rule().id())) continue;
            findings.add(p.finding("injection." + h.rule().id(), Category.PROMPT_INJECTION,
                    "instruction to an AI assistant in the text: " + h.rule().reason() + " (\"" + h.excerpt() + "\")"));
        }
        if (InjectionRules.hasZeroWidthInsideWords(text.all())) {
            findings.add(p.finding("hidden.zero_width", Category.HIDDEN_TEXT, "zero-width characters inside words (a way to dodge text filters)"));
        }
        String hidden = text.hidden().strip();
        if (hidden.length() >= MIN_HIDDEN_CHARS) {
            findings.add(p.finding("hidden.invisible_text", Category.HIDDEN_TEXT,
                    hidden.length() + " characters of invisible text (rendering mode 3, white or under 1 pt)"));
        }
        return findings;
    }
}
