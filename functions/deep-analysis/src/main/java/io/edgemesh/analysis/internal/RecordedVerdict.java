package io.edgemesh.analysis.internal;

import io.edgemesh.analysis.scan.Category;
import io.edgemesh.analysis.scan.Finding;
import io.edgemesh.analysis.scan.PolicyAction;
import io.edgemesh.analysis.scan.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A scanner's verdict as stored: in the scans table (one row per document and scanner) and, the
 * same map, under {@code verdicts.<scanner>} on the document row that Layer 7 shows to tenants.
 *
 * @param sha256 digest of the bytes this scanner read (null when it read none), so the finaliser can
 *               tell whether every scanner saw the same object
 */
public record RecordedVerdict(String scanner, Verdict verdict, List<Finding> findings, String error, Instant scannedAt,
                              String sha256, int attempt) {
    public RecordedVerdict {
        findings = List.copyOf(findings);
    }

    public Map<String, AttributeValue> toAttributes() {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("scanner", s(scanner));
        m.put("verdict", s(verdict.name()));
        List<AttributeValue> fs = new ArrayList<>();
        for (Finding f : findings) {
            fs.add(AttributeValue.fromM(Map.of("code", s(f.code()), "category", s(f.category().name()),
                    "reason", s(f.reason()), "action", s(f.action().name()))));
        }
        m.put("findings", AttributeValue.fromL(fs));
        if (error != null) m.put("error", s(error));
        m.put("scannedAt", s(scannedAt.toString()));
        if (sha256 != null) m.put("sha256", s(sha256));
        m.put("attempt", AttributeValue.fromN(Integer.toString(attempt)));
        return m;
    }

    /** Reads a stored verdict; a row some other writer damaged reads as an ERROR, never as CLEAN. */
    public static RecordedVerdict fromAttributes(String scanner, Map<String, AttributeValue> m) {
        Verdict v;
        try {
            v = Verdict.valueOf(str(m, "verdict", "ERROR"));
        } catch (IllegalArgumentException e) {
            v = Verdict.ERROR;
        }
        List<Finding> findings = new ArrayList<>();
        AttributeValue fs = m.get("findings");
        if (fs != null && fs.hasL()) {
            for (AttributeValue f : fs.l()) {
                if (!f.hasM()) continue;
                Map<String, AttributeValue> fm = f.m();
                try {
                    findings.add(new Finding(str(fm, "code", "unknown"), Category.valueOf(str(fm, "category", "UNSCANNABLE")),
                            str(fm, "reason", ""), PolicyAction.valueOf(str(fm, "action", "BLOCK"))));
                } catch (IllegalArgumentException e) {
                    findings.add(new Finding("unknown", Category.UNSCANNABLE, str(fm, "reason", ""), PolicyAction.BLOCK));
                }
            }
        }
        Instant at;
        try {
            at = Instant.parse(str(m, "scannedAt", Instant.EPOCH.toString()));
        } catch (RuntimeException e) {
            at = Instant.EPOCH;
        }
        int attempt = m.containsKey("attempt") && m.get("attempt").n() != null ? Integer.parseInt(m.get("attempt").n()) : 0;
        return new RecordedVerdict(scanner, v, findings, m.containsKey("error") ? m.get("error").s() : null, at,
                m.containsKey("sha256") ? m.get("sha256").s() : null, attempt);
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static String str(Map<String, AttributeValue> m, String k, String fallback) {
        AttributeValue a = m.get(k);
        return a == null || a.s() == null ? fallback : a.s();
    }
}
