package io.edgemesh.backbone.audit;

import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.Logger;
import io.edgemesh.common.metrics.Metrics;
import io.edgemesh.events.AuditEvent;
import io.edgemesh.events.EdgeMeshEvents;
import io.edgemesh.events.EventSources;
import io.edgemesh.events.OutgoingEvent;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends audit events to {@code audit-events.fifo}: group = tenant (one tenant's chain is appended in
 * order), deduplication id = CloudEvents id = {@code auditId}, so a retried send within the FIFO
 * window is dropped by SQS and a later redelivery is dropped by the chain's own idempotency.
 *
 * <p>The audited change has already happened when this runs, so failing the caller's request would
 * only invite a retry of something done. After the SDK's own retries, a failure is logged at ERROR
 * with the complete CloudEvent (replayable from the logs) and counted as {@code AuditPublishFailed}.
 */
public final class SqsAuditPublisher implements AuditPublisher {
    private static final Logger LOG = Log.get(SqsAuditPublisher.class);

    private final SqsClient sqs;
    private final String queueUrl;
    private final String function;

    public SqsAuditPublisher(SqsClient sqs, String queueUrl, String function) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.function = function;
    }

    @Override
    public void publish(AuditEvent event) {
        OutgoingEvent out = EdgeMeshEvents.encode(event, EventSources.BACKBONE, event.auditId());
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(out.body())
                    .messageGroupId(out.messageGroupId()).messageDeduplicationId(out.deduplicationId()));
        } catch (SdkException e) {
            LOG.error("audit event not sent; replay it from this line", e, "tenantId", event.tenantId(),
                    "auditId", event.auditId(), "event", out.body());
            Metrics.begin(function, event.tenantId()).count("AuditPublishFailed").flush();
        }
    }
}
