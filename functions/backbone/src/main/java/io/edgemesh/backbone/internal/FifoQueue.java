package io.edgemesh.backbone.internal;

import io.edgemesh.events.EdgeMeshEvent;
import io.edgemesh.events.EdgeMeshEvents;
import io.edgemesh.events.EventSources;
import io.edgemesh.events.OutgoingEvent;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A FIFO queue Layer 7 produces to: group = tenant, deduplication id = the event id, so a retried
 * send of the same decision is dropped by SQS. Failures propagate: callers send before they commit.
 */
public final class FifoQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public FifoQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public OutgoingEvent send(EdgeMeshEvent event, String eventId) {
        OutgoingEvent out = EdgeMeshEvents.encode(event, EventSources.BACKBONE, eventId);
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(out.body())
                .messageGroupId(out.messageGroupId()).messageDeduplicationId(out.deduplicationId()));
        return out;
    }
}
