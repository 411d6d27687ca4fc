package io.edgemesh.tinyml.indexing.internal;

import io.edgemesh.tinyml.indexing.DocumentStatus;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The documents table row (pk {@code tenantId}, sk {@code documentId}), updated only if it still exists:
 * a document deleted while it was being indexed stays deleted. Writes {@code status}, {@code chunkCount},
 * {@code pages}, {@code language}, {@code indexVersion}, {@code indexedAt} and {@code updatedAt}; a
 * failure writes {@code status=failed} with {@code failureReason} and {@code failureMessage}.
 */
public final class DynamoDocumentStatus implements DocumentStatus {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDocumentStatus(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public void markReady(String tenantId, String documentId, int chunks, int pages, String language, long indexVersion) {
        String now = clock.instant().toString();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":s", AttributeValue.fromS("ready"));
        values.put(":c", AttributeValue.fromN(Integer.toString(chunks)));
        values.put(":p", AttributeValue.fromN(Integer.toString(pages)));
        values.put(":l", AttributeValue.fromS(language));
        values.put(":v", AttributeValue.fromN(Long.toString(indexVersion)));
        values.put(":now", AttributeValue.fromS(now));
        // a redelivered event finds the row already ready at this version and leaves it untouched
        update(tenantId, documentId, "SET #s = :s, chunkCount = :c, pages = :p, #lang = :l, indexVersion = :v, "
                + "indexedAt = if_not_exists(indexedAt, :now), updatedAt = :now REMOVE failureReason, failureMessage",
                "attribute_exists(documentId) AND NOT (#s = :s AND indexVersion = :v)",
                Map.of("#s", "status", "#lang", "language"), values);
    }

    @Override
    public java.util.Optional<String> scanStatus(String tenantId, String documentId) {
        var r = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("tenantId", AttributeValue.fromS(tenantId), "documentId", AttributeValue.fromS(documentId)))
                .projectionExpression("scanStatus"));
        if (!r.hasItem() || r.item().get("scanStatus") == null) return java.util.Optional.empty();
        return java.util.Optional.ofNullable(r.item().get("scanStatus").s());
    }

    @Override
    public void markFailed(String tenantId, String documentId, String reason, String message) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":s", AttributeValue.fromS("failed"));
        values.put(":r", AttributeValue.fromS(reason));
        values.put(":m", AttributeValue.fromS(message.length() > 500 ? message.substring(0, 500) : message));
        values.put(":now", AttributeValue.fromS(clock.instant().toString()));
        update(tenantId, documentId, "SET #s = :s, failureReason = :r, failureMessage = :m, updatedAt = :now",
                "attribute_exists(documentId)", Map.of("#s", "status"), values);
    }

    private void update(String tenantId, String documentId, String expression, String condition, Map<String, String> names,
                        Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("tenantId", AttributeValue.fromS(tenantId), "documentId", AttributeValue.fromS(documentId)))
                    .updateExpression(expression)
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            // the row is gone (deleted meanwhile; its DocumentDeleted follows in the queue) or already says so
        }
    }
}
