package io.edgemesh.firewall;

import io.edgemesh.firewall.pii.Redaction;
import java.util.List;
import java.util.Map;

/**
 * The firewall's answer for one message. {@code redactedText} is always present (equal to the input
 * when nothing was redacted): the ingress forwards only it, so personal data never reaches a stored
 * transcript or a model.
 *
 * @param action     {@code allow}, {@code redact} (something was redacted, nothing blocks) or {@code block}
 * @param categories the categories that fired, blocking ones first
 * @param scores     category to score in [0,1]
 * @param reasons    category to a human reason (never the message text)
 */
public record Verdict(String action, List<String> categories, Map<String, Double> scores, Map<String, String> reasons,
                      List<Redaction> redactions, String redactedText) {
    public static final String ALLOW = "allow";
    public static final String REDACT = "redact";
    public static final String BLOCK = "block";

    public Verdict {
        categories = List.copyOf(categories);
        scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
        reasons = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reasons));
        redactions = List.copyOf(redactions);
    }

    public boolean blocked() { return action.equals(BLOCK); }
}
