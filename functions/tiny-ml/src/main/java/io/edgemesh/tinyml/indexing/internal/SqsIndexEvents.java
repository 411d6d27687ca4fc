package io.edgemesh.tinyml.indexing.internal;

import io.edgemesh.events.DocumentIndexed;
import io.edgemesh.events.DocumentRemoved;
import io.edgemesh.events.EdgeMeshEvent;
import io.edgemesh.events.EdgeMeshEvents;
import io.edgemesh.events.EventSources;
import io.edgemesh.events.OutgoingEvent;
import io.edgemesh.tinyml.indexing.IndexEvents;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The tenant-events FIFO queue. Event ids are derived from (tenant, document, version), so a retry that
 * repeats a send within the queue's five-minute deduplication window is dropped by SQS, and later
 * repeats carry the same id for consumers to recognise.
 */
public final class SqsIndexEvents implements IndexEvents {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsIndexEvents(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void indexed(DocumentIndexed e) {
        send(e, "indexed-" + e.tenantId() + "-" + e.documentId() + "-" + e.indexVersion());
    }

    @Override
    public void removed(DocumentRemoved e) {
        send(e, "removed-" + e.tenantId() + "-" + e.documentId() + "-" + e.indexVersion());
    }

    private void send(EdgeMeshEvent event, String id) {
        // FIFO deduplication ids are limited to 128 characters
        String dedup = id.length() <= 128 ? id : java.util.UUID.nameUUIDFromBytes(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        OutgoingEvent out = EdgeMeshEvents.encode(event, EventSources.TINY_ML, dedup);
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(out.body())
                .messageGroupId(out.messageGroupId()).messageDeduplicationId(out.deduplicationId()));
    }
}
