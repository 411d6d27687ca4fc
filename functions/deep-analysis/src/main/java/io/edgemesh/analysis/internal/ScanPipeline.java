package io.edgemesh.analysis.internal;

import io.edgemesh.analysis.scan.ContentSource;
import io.edgemesh.analysis.scan.ScanInput;
import io.edgemesh.analysis.scan.ScanResult;
import io.edgemesh.analysis.scan.Scanner;
import io.edgemesh.analysis.scan.ScannerPolicy;
import io.edgemesh.analysis.scan.Verdict;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.Logger;
import io.edgemesh.common.metrics.Metrics;
import io.edgemesh.events.AuditEvent;
import io.edgemesh.events.DocumentClean;
import io.edgemesh.events.EdgeMeshEvents;
import io.edgemesh.events.EventSources;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One scanner's part in scanning one upload, from the S3 notification to the final state. Every
 * step is safe to repeat, because SQS delivers at least once and S3 may notify twice:
 * <ol>
 *   <li>keys outside {@code tenants/{tenant}/incoming/{doc}} are ignored (logged); an object with no
 *       document row was never issued an upload URL and is quarantined and audited;</li>
 *   <li>the first scanner moves the document to {@code scanning} and tags the object IN_PROGRESS;</li>
 *   <li>the scanner runs once per document: an existing verdict in the scans table is reused;
 *       an ERROR before the last delivery fails the message for a retry, at the last delivery it is
 *       recorded;</li>
 *   <li>the verdict is added to the document row; the write that completes the set of scanners
 *       claims the decision and applies it: CLEAN → tag, status {@code indexing}, document-clean
 *       event; block/review → quarantine, tag, audit; error → {@code failed}, tag ERROR, audit.</li>
 * </ol>
 * A finaliser that died between claiming and applying is completed by its own redelivery.
 */
public final class ScanPipeline {
    private static final Logger LOG = Log.get(ScanPipeline.class);

    /** Every scanner that must answer before a document is decided. */
    public static final Set<String> SCANNERS = Set.of("type", "active-content", "signatures", "secrets");
    /** The scanner that handles objects that can never have a document row. */
    static final String STRAY_HANDLER = "type";

    /** How a message ended, for logs, metrics and tests. */
    public enum Outcome { IGNORED, RECORDED, DECIDED, ALREADY_DECIDED, UNKNOWN_QUARANTINED }

    private final Scanner scanner;
    private final ScannerRunner runner;
    private final DocumentRecords documents;
    private final VerdictRecords verdicts;
    private final UploadObjects objects;
    private final EventPublisher events;
    private final String indexQueueUrl;
    private final String auditQueueUrl;
    private final String functionName;
    private final int maxReceives;
    private final Clock clock;

    public ScanPipeline(Scanner scanner, ScannerRunner runner, DocumentRecords documents, VerdictRecords verdicts,
                        UploadObjects objects, EventPublisher events, String indexQueueUrl, String auditQueueUrl,
                        String functionName, int maxReceives, Clock clock) {
        this.scanner = scanner;
        this.runner = runner;
        this.documents = documents;
        this.verdicts = verdicts;
        this.objects = objects;
        this.events = events;
        this.indexQueueUrl = indexQueueUrl;
        this.auditQueueUrl = auditQueueUrl;
        this.functionName = functionName;
        this.maxReceives = maxReceives;
        this.clock = clock;
    }

    public Scanner scanner() {
        return scanner;
    }

    public Outcome handle(ObjectCreated event, int receiveCount) {
        if (!objects.bucket().equals(event.bucket())) {
            LOG.info("ignored notification for another bucket", "bucket", shown(event.bucket()), "key", shown(event.key()));
            return Outcome.IGNORED;
        }
        UploadKey.Parsed parsed = UploadKey.parse(event.key());
        if (parsed instanceof UploadKey.NotAnUpload n) {
            LOG.info("ignored object outside tenants/{tenant}/incoming/{documentId}", "key", shown(event.key()), "why", n.why());
            return Outcome.IGNORED;
        }
        if (parsed instanceof UploadKey.BadDocumentId bad) return stray(bad, event.key());
        return upload(((UploadKey.Upload) parsed).key(), event.key(), receiveCount);
    }

    private Outcome upload(UploadKey k, String objectKey, int receiveCount) {
        Optional<DocumentRow> found = documents.get(k);
        if (found.isEmpty()) return unknown(k, objectKey, receiveCount);
        DocumentRow row = found.get();
        if (row.decision() != null) {
            completeIfPending(k, row, receiveCount);
            return Outcome.ALREADY_DECIDED;
        }
        if (!row.inProgress()) {
            LOG.info("ignored notification for a document that is not being scanned", "documentId", k.documentId(), "status", row.status());
            return Outcome.IGNORED;
        }
        if (documents.markScanning(k, clock.instant())) objects.tag(k.incomingKey(), "IN_PROGRESS");

        RecordedVerdict v = verdicts.get(k, scanner.name()).orElse(null);
        if (v == null) {
            Optional<Long> size = objects.size(k.incomingKey());
            if (size.isEmpty()) {
                LOG.warn("the uploaded object is gone before it was scanned", "documentId", k.documentId());
                return Outcome.IGNORED;
            }
            v = scan(k, row, size.get(), receiveCount);
        }
        Optional<DocumentRow> after = documents.recordVerdict(k, v, clock.instant());
        DocumentRow state = after.orElseGet(() -> documents.get(k).orElse(null));
        Outcome outcome = Outcome.RECORDED;
        if (state != null) {
            if (state.decision() == null && state.scanners().containsAll(SCANNERS)) {
                outcome = decide(k, state, receiveCount) ? Outcome.DECIDED : Outcome.RECORDED;
            } else if (state.decision() != null) {
                completeIfPending(k, state, receiveCount);
            }
        }
        if (v.verdict() == Verdict.ERROR) {
            // recorded at the last delivery; failing the message sends it to the DLQ as evidence
            throw new ScanRetryException(scanner.name() + " could not scan " + k.documentId() + ": " + v.error());
        }
        return outcome;
    }

    private RecordedVerdict scan(UploadKey k, DocumentRow row, long objectSize, int receiveCount) {
        ScannerPolicy policy = ScannerPolicies.from(row.raw());
        String[] sha = new String[1];
        ContentSource content = max -> {
            byte[] b = objects.read(k.incomingKey(), max);
            sha[0] = sha256(b);
            return b;
        };
        ScanInput in = new ScanInput(k.tenantId(), k.documentId(), row.contentType(), row.declaredSize(), objectSize, content, policy);
        long start = System.nanoTime();
        ScanResult r = runner.run(scanner, in);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Metrics.begin(functionName, k.tenantId()).count("Verdict" + r.verdict().name()).millis("ScanTime", millis)
                .property("documentId", k.documentId()).flush();
        LOG.info("scanned", "documentId", k.documentId(), "scanner", scanner.name(), "verdict", r.verdict().name(),
                "findings", r.findings().size(), "millis", millis, "receiveCount", receiveCount);
        if (r.verdict() == Verdict.ERROR && receiveCount < maxReceives) {
            throw new ScanRetryException(scanner.name() + " could not scan " + k.documentId() + " (delivery " + receiveCount
                    + " of " + maxReceives + "): " + r.error());
        }
        return verdicts.putOnce(k, new RecordedVerdict(scanner.name(), r.verdict(), r.findings(), r.error(),
                clock.instant(), sha[0], receiveCount));
    }

    /** Claims and applies the decision; false when another finaliser claimed it first. */
    private boolean decide(UploadKey k, DocumentRow state, int receiveCount) {
        Decision d = Decision.decide(state.verdicts());
        String qk = d.kind().quarantines() ? k.quarantineKey() : null;
        if (documents.claim(k, d, qk, clock.instant())) {
            apply(k, state, d);
            return true;
        }
        documents.get(k).ifPresent(now -> completeIfPending(k, now, receiveCount));
        return false;
    }

    /**
     * A decision whose side effects are not marked done: only a redelivery completes it, because the
     * first delivery of another scanner's message would race the finaliser that is still working.
     */
    private void completeIfPending(UploadKey k, DocumentRow row, int receiveCount) {
        if (row.decision() != null && !row.effectsApplied() && receiveCount > 1) {
            LOG.warn("completing a decision whose side effects were not recorded", "documentId", k.documentId(),
                    "decision", row.decision().kind().name());
            apply(k, row, row.decision());
        }
    }

    private void apply(UploadKey k, DocumentRow row, Decision d) {
        Instant now = clock.instant();
        switch (d.kind()) {
            case CLEAN -> {
                objects.tag(k.incomingKey(), d.kind().tag());
                DocumentClean clean = new DocumentClean(k.tenantId(), k.documentId(), objects.bucket(), k.incomingKey(),
                        safeText(row.fileName()), safeText(row.contentType()), Math.max(0, objects.size(k.incomingKey()).orElse(0L)), d.sha256());
                events.send(indexQueueUrl, EdgeMeshEvents.encode(clean, EventSources.ANALYSIS, eventId(k, "clean")));
                audit(k, "document.clean", "allowed", d, null, now);
            }
            case QUARANTINED, REVIEW -> {
                objects.move(k.incomingKey(), k.quarantineKey());
                objects.tag(k.quarantineKey(), d.kind().tag());
                audit(k, "document.quarantined", d.kind() == Decision.Kind.REVIEW ? "held" : "blocked", d, k.quarantineKey(), now);
            }
            case FAILED -> {
                objects.tag(k.incomingKey(), d.kind().tag());
                audit(k, "document.scan_failed", "failed", d, null, now);
            }
        }
        documents.markEffectsApplied(k, now);
        LOG.info("document decided", "documentId", k.documentId(), "decision", d.kind().name(), "status", d.kind().status(),
                "reasons", d.reasons().size());
        Metrics.begin(functionName, k.tenantId()).count("Decision" + d.kind().name()).flush();
    }

    /** An object under a valid key with no document row: nobody issued an upload URL for it. */
    private Outcome unknown(UploadKey k, String objectKey, int receiveCount) {
        Decision d = new Decision(Decision.Kind.QUARANTINED,
                List.of(scanner.name() + ": no upload was issued for this document id; the object is treated as hostile"),
                List.of(scanner.name()), null);
        if (documents.putUnknown(k, d, k.quarantineKey(), objectKey, clock.instant())) {
            LOG.warn("object without a document row quarantined", "documentId", k.documentId());
            DocumentRow row = documents.get(k).orElseThrow();
            apply(k, row, d);
            return Outcome.UNKNOWN_QUARANTINED;
        }
        documents.get(k).ifPresent(row -> completeIfPending(k, row, receiveCount));
        return Outcome.ALREADY_DECIDED;
    }

    /** A name under a tenant's incoming prefix that can never be a document id: moved aside by one scanner. */
    private Outcome stray(UploadKey.BadDocumentId bad, String objectKey) {
        if (!STRAY_HANDLER.equals(scanner.name())) return Outcome.IGNORED;
        String digest = sha256(objectKey.getBytes(StandardCharsets.UTF_8));
        String target = "tenants/" + bad.tenantId() + "/quarantine/invalid-name-" + digest.substring(0, 32);
        objects.move(objectKey, target);
        objects.tag(target, "INFECTED");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("key", shown(objectKey));
        details.put("quarantineKey", target);
        details.put("reason", "an object under the incoming prefix whose name is not a valid document id");
        events.send(auditQueueUrl, EdgeMeshEvents.encode(new AuditEvent(bad.tenantId(), "scan-" + digest.substring(0, 40),
                "document.quarantined", functionName, null, "blocked", clock.instant(), details), EventSources.ANALYSIS,
                "scan-" + digest.substring(0, 40)));
        LOG.warn("object with an invalid document id quarantined", "key", shown(objectKey), "quarantineKey", target);
        return Outcome.UNKNOWN_QUARANTINED;
    }

    private void audit(UploadKey k, String action, String outcome, Decision d, String quarantineKey, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("decision", d.kind().name());
        details.put("scanners", d.scanners());
        details.put("reasons", d.reasons().size() > 20 ? d.reasons().subList(0, 20) : d.reasons());
        if (quarantineKey != null) details.put("quarantineKey", quarantineKey);
        if (d.sha256() != null) details.put("sha256", d.sha256());
        String id = eventId(k, "audit-" + d.kind().name());
        events.send(auditQueueUrl, EdgeMeshEvents.encode(new AuditEvent(k.tenantId(), id, action, functionName, k.documentId(),
                outcome, now, details), EventSources.ANALYSIS, id));
    }

    /** Deterministic per document and purpose, so a repeated send is deduplicated by the FIFO queue. */
    static String eventId(UploadKey k, String purpose) {
        return "scan-" + sha256((k.tenantId() + "/" + k.documentId() + "/" + purpose).getBytes(StandardCharsets.UTF_8)).substring(0, 40);
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String safeText(String s) {
        if (s == null) return null;
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 1024 ? t.substring(0, 1024) : t;
    }

    private static String shown(String s) {
        if (s == null) return "null";
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }
}
