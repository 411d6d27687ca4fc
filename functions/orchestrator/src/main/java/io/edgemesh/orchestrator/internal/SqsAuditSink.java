package io.edgemesh.orchestrator.internal;

import io.edgemesh.events.AuditEvent;
import io.edgemesh.events.EdgeMeshEvents;
import io.edgemesh.events.EventSources;
import io.edgemesh.events.OutgoingEvent;
import io.edgemesh.orchestrator.tools.AuditSink;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Sends audit events to the audit FIFO queue, grouped by tenant so Layer 7 chains them in order. */
public final class SqsAuditSink implements AuditSink {
    private final SqsClient sqs;
    private final String queueUrl;
    private final Clock clock;

    public SqsAuditSink(SqsClient sqs, String queueUrl, Clock clock) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.clock = clock;
    }

    /**
     * The id is derived from the decision, not drawn at random: a redelivered readiness event or a retried
     * hand-off records the same decision again, and Layer 7's chain (and the FIFO queue's deduplication)
     * keeps it once. Details are sorted so the id does not depend on map iteration order.
     */
    static String auditId(String tenantId, String action, String resourceId, String outcome, Map<String, Object> details) {
        String decision = tenantId + "|" + action + "|" + resourceId + "|" + outcome + "|" + new java.util.TreeMap<>(details);
        return "aud_" + UUID.nameUUIDFromBytes(decision.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    @Override
    public void record(String tenantId, String action, String actor, String resourceId, String outcome, Map<String, Object> details) {
        AuditEvent e = new AuditEvent(tenantId, auditId(tenantId, action, resourceId, outcome, details), action, actor,
                resourceId, outcome, clock.instant(), details);
        OutgoingEvent out = EdgeMeshEvents.encode(e, EventSources.ORCHESTRATION);
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(out.body())
                .messageGroupId(out.messageGroupId()).messageDeduplicationId(out.deduplicationId()));
    }
}
