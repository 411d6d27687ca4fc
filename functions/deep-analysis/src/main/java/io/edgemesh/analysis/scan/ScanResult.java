package io.edgemesh.analysis.scan;

import java.util.List;
import java.util.Objects;

/**
 * A scanner's answer: its verdict and the findings behind it. {@code error} explains an
 * {@link Verdict#ERROR} (clamd down, a timeout) and is null otherwise.
 */
public record ScanResult(String scanner, Verdict verdict, List<Finding> findings, String error) {
    public ScanResult {
        Objects.requireNonNull(scanner, "scanner");
        Objects.requireNonNull(verdict, "verdict");
        findings = List.copyOf(findings);
        if (verdict == Verdict.ERROR && (error == null || error.isBlank())) {
            throw new IllegalArgumentException("an ERROR verdict needs an explanation");
        }
    }

    /** The verdict the findings add up to: the strictest policy action among them. */
    public static ScanResult of(String scanner, List<Finding> findings) {
        Verdict v = Verdict.CLEAN;
        for (Finding f : findings) {
            v = Verdict.worst(v, f.action().verdict());
        }
        return new ScanResult(scanner, v, findings, null);
    }

    public static ScanResult error(String scanner, String error) {
        return new ScanResult(scanner, Verdict.ERROR, List.of(), error);
    }

    /** The findings that made the verdict (everything not merely allowed). */
    public List<Finding> decisive() {
        return findings.stream().filter(f -> f.action() != PolicyAction.ALLOW).toList();
    }
}
