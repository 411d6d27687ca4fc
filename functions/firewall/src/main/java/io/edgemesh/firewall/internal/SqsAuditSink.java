package io.edgemesh.firewall.internal;

import io.edgemesh.events.AuditEvent;
import io.edgemesh.events.EdgeMeshEvents;
import io.edgemesh.events.EventSources;
import io.edgemesh.events.OutgoingEvent;
import io.edgemesh.firewall.AuditSink;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends audit events to the audit FIFO queue: group = tenant (Layer 7 chains them in order), and the
 * event id is the audit id, so a retried invocation that decides the same block is deduplicated.
 */
public final class SqsAuditSink implements AuditSink {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsAuditSink(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void record(AuditEvent event) {
        OutgoingEvent out = EdgeMeshEvents.encode(event, EventSources.FIREWALL, event.auditId());
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(out.body())
                .messageGroupId(out.messageGroupId()).messageDeduplicationId(out.deduplicationId()));
    }
}
