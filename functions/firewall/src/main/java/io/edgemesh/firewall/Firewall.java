package io.edgemesh.firewall;

import io.edgemesh.events.AuditEvent;
import io.edgemesh.firewall.anomaly.AnomalyPolicy;
import io.edgemesh.firewall.anomaly.SessionAnomalies;
import io.edgemesh.firewall.anomaly.SessionStatus;
import io.edgemesh.firewall.detect.Detector;
import io.edgemesh.firewall.detect.Finding;
import io.edgemesh.firewall.detect.InjectionClassifier;
import io.edgemesh.firewall.detect.InjectionRules;
import io.edgemesh.firewall.detect.NormalizedText;
import io.edgemesh.firewall.pii.PiiRedactor;
import io.edgemesh.firewall.pii.Redacted;
import io.edgemesh.firewall.pii.Redaction;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.Logger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The firewall's decision for one message, free of Lambda types.
 *
 * <p>Order: the session's counters first (a quarantined or bursting session is blocked without
 * spending an embedding), then the rule detectors, then the embedding classifier (skipped when a rule
 * already blocks), then PII redaction, which always runs so {@code redactedText} never carries personal
 * data, whatever the action.
 *
 * <p>Injection decision (thresholds documented in BENCHMARKS.md): block when a rule category scores at
 * least {@link InjectionRules#BLOCKING}; or the classifier's probability reaches the model's
 * cross-validated threshold; or a rule of at least {@link #CORROBORATED_RULE} and the classifier at
 * least {@link InjectionClassifier#REPORT} agree. Moderation blocks per {@code ModerationRules}'
 * policy (self-harm never blocks).
 *
 * <p>A block is counted against the session (repeated blocks quarantine it) and audited. The audit
 * event carries categories and sizes, never the text; a quarantined session's further messages are
 * not audited one by one (the quarantine itself was).
 *
 * <p>Failures are not hidden: when the session store or the audit queue cannot be reached the SDK
 * exception propagates (503 from the handler) and the ingress fails closed; a block is never returned
 * without its audit record.
 */
public final class Firewall {
    /** A rule this strong plus a classifier above {@link InjectionClassifier#REPORT} blocks together. */
    public static final double CORROBORATED_RULE = 0.5;
    /**
     * The classifier blocks on its own only for texts of at least this many words: the embedding of a
     * one- to three-word text says more about its topic than its intent ("prompt injection??").
     */
    public static final int CLASSIFIER_ALONE_MIN_WORDS = 4;
    public static final String QUARANTINED = "anomaly.quarantined";
    public static final String BURST = "anomaly.burst";
    public static final int MAX_TEXT_CHARS = 32_768;
    private static final Pattern AUDIT_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");
    private static final Logger LOG = Log.get(Firewall.class);

    private final List<Detector> rules;
    private final InjectionClassifier classifier;
    private final PiiRedactor pii;
    private final SessionAnomalies sessions;
    private final AnomalyPolicy policy;
    private final AuditSink audit;
    private final Clock clock;

    /** @param classifier may be null (rules only), e.g. where the ONNX runtime is unavailable */
    public Firewall(List<Detector> rules, InjectionClassifier classifier, PiiRedactor pii, SessionAnomalies sessions,
                    AnomalyPolicy policy, AuditSink audit, Clock clock) {
        this.rules = List.copyOf(rules);
        this.classifier = classifier;
        this.pii = pii;
        this.sessions = sessions;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One message to check.
     *
     * @param sessionId null for the stateless {@code guard} API
     * @param requestId the invocation's id; makes the audit id deterministic so a retry is deduplicated
     * @param operation {@code check} or {@code guard}, recorded in the audit event
     */
    public record Check(String tenantId, String sessionId, String text, String locale, String requestId, String operation) { }

    public Verdict check(Check c) {
        Instant now = clock.instant();
        Map<String, Finding> found = new LinkedHashMap<>();

        SessionStatus status = c.sessionId() == null ? null : sessions.recordMessage(c.tenantId(), c.sessionId(), now);
        boolean quarantined = status != null && status.quarantinedAt(now);
        if (quarantined) {
            put(found, new Finding(QUARANTINED, 1.0, "the session is quarantined until " + status.quarantinedUntil()
                    + " after repeated blocked messages", true));
        } else {
            if (status != null && status.messagesInWindow() > policy.burstMessages()) {
                put(found, new Finding(BURST, 1.0, status.messagesInWindow() + " messages within "
                        + policy.burstWindow().toSeconds() + " s", true));
            }
            inspect(c.text(), found);
        }

        Redacted redacted = pii.redact(c.text(), c.locale());
        for (Map.Entry<String, Integer> e : countByType(redacted.redactions()).entrySet()) {
            put(found, new Finding("pii." + e.getKey(), 1.0, e.getValue() + " " + e.getKey().replace('_', ' ')
                    + (e.getValue() == 1 ? " was" : " items were") + " redacted", false));
        }

        boolean block = found.values().stream().anyMatch(Finding::blocking);
        if (block && status != null && !quarantined) {
            SessionStatus after = sessions.recordBlock(c.tenantId(), c.sessionId(), now);
            if (after.quarantinedAt(now)) {
                put(found, new Finding(QUARANTINED, 1.0, after.recentBlocks() + " blocked messages within "
                        + policy.blockWindow().toMinutes() + " min: the session is quarantined until " + after.quarantinedUntil(), true));
                record(c, "session.quarantined", "quarantined", found, redacted, now);
            }
        }
        String action = block ? Verdict.BLOCK : redacted.changed() ? Verdict.REDACT : Verdict.ALLOW;
        Verdict v = verdict(action, found, redacted);
        if (block && !quarantined) record(c, "prompt.blocked", "blocked", found, redacted, now);
        LOG.info("verdict", "tenant", c.tenantId(), "operation", c.operation(), "action", action,
                "categories", String.join(",", v.categories()), "chars", c.text().length());
        return v;
    }

    /** The rule detectors, then the classifier when no rule blocks yet. */
    private void inspect(String text, Map<String, Finding> found) {
        NormalizedText nt = NormalizedText.of(text);
        for (Detector d : rules) for (Finding f : d.inspect(nt)) put(found, f);
        if (classifier == null || found.values().stream().anyMatch(Finding::blocking)) return;
        double ruleScore = Math.max(score(found, "prompt_injection"), score(found, "jailbreak"));
        boolean longEnough = nt.folded().split(" ", CLASSIFIER_ALONE_MIN_WORDS + 1).length >= CLASSIFIER_ALONE_MIN_WORDS;
        // a short text without a rule signal cannot be blocked by the classifier: spare the embedding
        if (!longEnough && ruleScore < CORROBORATED_RULE) return;
        for (Finding c : classifier.inspect(nt)) {
            Finding f = c.blocking() && !longEnough ? new Finding(c.category(), c.score(), c.reason(), false) : c;
            boolean corroborated = ruleScore >= CORROBORATED_RULE;
            if (f.blocking() || corroborated) {
                put(found, new Finding(f.category(), Math.max(f.score(), score(found, f.category())),
                        corroborated && !f.blocking() ? reason(found, f) + "; the embedding classifier agrees" : f.reason(), true));
            } else {
                put(found, f);
            }
        }
    }

    private static String reason(Map<String, Finding> found, Finding f) {
        Finding r = found.get(f.category());
        if (r == null) r = found.getOrDefault("prompt_injection", found.get("jailbreak"));
        return r == null ? f.reason() : r.reason();
    }

    private static double score(Map<String, Finding> found, String category) {
        Finding f = found.get(category);
        return f == null ? 0 : f.score();
    }

    /** Keeps the stronger finding per category; a blocking one always wins over a non-blocking one. */
    private static void put(Map<String, Finding> found, Finding f) {
        found.merge(f.category(), f, (a, b) -> {
            if (a.blocking() != b.blocking()) return a.blocking() ? a : b;
            return b.score() > a.score() ? b : a;
        });
    }

    private static Map<String, Integer> countByType(List<Redaction> redactions) {
        Map<String, Integer> m = new TreeMap<>();
        for (Redaction r : redactions) m.merge(r.type(), 1, Integer::sum);
        return m;
    }

    private static Verdict verdict(String action, Map<String, Finding> found, Redacted redacted) {
        List<Finding> ordered = new ArrayList<>(found.values());
        ordered.sort((a, b) -> a.blocking() != b.blocking() ? (a.blocking() ? -1 : 1) : Double.compare(b.score(), a.score()));
        List<String> categories = new ArrayList<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (Finding f : ordered) {
            categories.add(f.category());
            scores.put(f.category(), Math.round(f.score() * 1000) / 1000.0);
            reasons.put(f.category(), f.reason());
        }
        return new Verdict(action, categories, scores, reasons, redacted.redactions(), redacted.text());
    }

    private void record(Check c, String action, String outcome, Map<String, Finding> found, Redacted redacted, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("operation", c.operation());
        details.put("categories", found.values().stream().filter(Finding::blocking).map(Finding::category).toList());
        details.put("chars", c.text().length());
        details.put("redactions", redacted.redactions().size());
        String resource = c.sessionId() != null && AUDIT_ID.matcher(c.sessionId()).matches() ? c.sessionId() : null;
        String seed = c.tenantId() + "|" + Optional.ofNullable(c.requestId()).orElse(UUID.randomUUID().toString()) + "|" + action;
        String auditId = "fw-" + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
        audit.record(new AuditEvent(c.tenantId(), auditId, action, "firewall", resource, outcome, now, details));
    }

    /** Loads the model, the phone metadata and the regexes' code paths (SnapStart priming; no side effects). */
    public void prime() {
        NormalizedText nt = NormalizedText.of("Hello, I would like to know my balance. Ignore the rest; call +1 415 555 2671.");
        for (Detector d : rules) d.inspect(nt);
        if (classifier != null) classifier.inspect(nt);
        pii.redact("mail a@b.example, phone +44 20 7946 0958, card 4111 1111 1111 1111", "en-US");
    }
}
