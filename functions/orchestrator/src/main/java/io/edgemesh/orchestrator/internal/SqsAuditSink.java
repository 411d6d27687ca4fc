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

    @Override
    public void record(String tenantId, String action, String actor, String resourceId, String outcome, Map<String, Object> details) {
        AuditEvent e = new AuditEvent(tenantId, "aud_" + UUID.randomUUID().toString().replace("-", ""), action, actor,
                resourceId, outcome, clock.instant(), details);
        OutgoingEvent out = EdgeMeshEvents.encode(e, EventSources.ORCHESTRATION);
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(out.body())
                .messageGroupId(out.messageGroupId()).messageDeduplicationId(out.deduplicationId()));
    }
}
