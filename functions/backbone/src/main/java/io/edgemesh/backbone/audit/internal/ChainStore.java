package io.edgemesh.backbone.audit.internal;

import static io.edgemesh.backbone.internal.Attrs.n;
import static io.edgemesh.backbone.internal.Attrs.s;

import io.edgemesh.backbone.internal.Attrs;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The {@code audit-chain} table (partition key {@code tenantId} only). Item {@code <tenant>} is the
 * head: {@code seq} and {@code hash} of the newest record. Item {@code <tenant>#event#<eventId>} marks
 * an appended event and keeps its record JSON, so a redelivered event finds its record instead of
 * being chained twice. Head and marker are written in one transaction conditional on the head's
 * previous {@code seq}: two appenders can never both take the same sequence number.
 */
public final class ChainStore {
    public record Head(long seq, String hash) { }

    private final DynamoDbClient dynamo;
    private final String table;

    public ChainStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public Head head(String tenantId) {
        var r = dynamo.getItem(b -> b.tableName(table).key(Map.of("tenantId", s(tenantId))).consistentRead(true));
        if (!r.hasItem() || r.item().isEmpty()) return new Head(0, null);
        return new Head(Attrs.num(r.item(), "seq", 0), Attrs.str(r.item(), "hash"));
    }

    /** The record JSON of an already appended event. */
    public Optional<String> appended(String tenantId, String eventId) {
        var r = dynamo.getItem(b -> b.tableName(table).key(Map.of("tenantId", s(marker(tenantId, eventId)))).consistentRead(true));
        return r.hasItem() && !r.item().isEmpty() ? Optional.ofNullable(Attrs.str(r.item(), "record")) : Optional.empty();
    }

    /**
     * Advances the head from {@code expected} to ({@code seq}, {@code hash}) and marks the event; false
     * when someone else moved the head or appended this event first (re-read and decide again).
     */
    public boolean advance(String tenantId, Head expected, long seq, String hash, String eventId, String recordJson, Instant now) {
        Map<String, AttributeValue> head = new LinkedHashMap<>();
        head.put("tenantId", s(tenantId));
        head.put("seq", n(seq));
        head.put("hash", s(hash));
        head.put("updatedAt", s(now.toString()));
        Put.Builder headPut = Put.builder().tableName(table).item(head);
        if (expected.seq() == 0) {
            headPut.conditionExpression("attribute_not_exists(tenantId)");
        } else {
            headPut.conditionExpression("seq = :prev").expressionAttributeValues(Map.of(":prev", n(expected.seq())));
        }
        Map<String, AttributeValue> mark = new LinkedHashMap<>();
        mark.put("tenantId", s(marker(tenantId, eventId)));
        mark.put("seq", n(seq));
        mark.put("record", s(recordJson));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(headPut.build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(mark)
                            .conditionExpression("attribute_not_exists(tenantId)").build()).build()));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons() && e.cancellationReasons().stream().map(CancellationReason::code)
                    .anyMatch("ConditionalCheckFailed"::equals)) {
                return false;
            }
            throw e;
        }
    }

    static String marker(String tenantId, String eventId) { return tenantId + "#event#" + eventId; }
}
