package io.edgemesh.analysis.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The scans table: one row per (document, scanner), key {@code tenantId} + {@code <documentId>#<scanner>},
 * written once with {@code attribute_not_exists}. A redelivered message finds the first verdict and
 * uses it; nothing ever overwrites a verdict.
 */
public final class VerdictRecords {
    private final DynamoDbClient dynamo;
    private final String table;

    public VerdictRecords(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public Optional<RecordedVerdict> get(UploadKey k, String scanner) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(k, scanner)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(RecordedVerdict.fromAttributes(scanner, item));
    }

    /** Writes {@code v} unless a verdict exists; returns whichever verdict is now stored. */
    public RecordedVerdict putOnce(UploadKey k, RecordedVerdict v) {
        Map<String, AttributeValue> item = new HashMap<>(v.toAttributes());
        item.putAll(key(k, v.scanner()));
        item.put("documentId", AttributeValue.fromS(k.documentId()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(scanId)"));
            return v;
        } catch (ConditionalCheckFailedException e) {
            return get(k, v.scanner()).orElseThrow(() -> new IllegalStateException("verdict vanished for " + k + " " + v.scanner()));
        }
    }

    static Map<String, AttributeValue> key(UploadKey k, String scanner) {
        return Map.of("tenantId", AttributeValue.fromS(k.tenantId()), "scanId", AttributeValue.fromS(k.documentId() + "#" + scanner));
    }
}
