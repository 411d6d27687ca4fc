package io.edgemesh.analysis.internal;

import io.edgemesh.events.OutgoingEvent;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends CloudEvents to FIFO queues with the contract's ids: group = tenant, deduplication id =
 * event id. Callers pass deterministic event ids for decisions, so a retried finaliser's second send
 * collapses into the first within SQS's deduplication window.
 */
public final class EventPublisher {
    private final SqsClient sqs;

    public EventPublisher(SqsClient sqs) {
        this.sqs = sqs;
    }

    public void send(String queueUrl, OutgoingEvent e) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(e.body())
                .messageGroupId(e.messageGroupId()).messageDeduplicationId(e.deduplicationId()));
    }
}
