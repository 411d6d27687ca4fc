package io.edgemesh.analysis.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Layer 3's writes to the documents table, each a conditional write so concurrent scanners and
 * redelivered messages cannot step on each other: scanning starts once; each scanner is added to
 * the {@code scanners} set once (the write that completes the set tells its caller so, which makes
 * exactly one finaliser); the decision is claimed once; the side effects are marked done once they
 * are done, so a finaliser that crashed in between can be completed by a redelivery.
 */
public final class DocumentRecords {
    private static final String IN_PROGRESS = "#st IN (:awaiting, :scanning)";

    private final DynamoDbClient dynamo;
    private final String table;

    public DocumentRecords(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public Optional<DocumentRow> get(UploadKey k) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(k)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(DocumentRow.from(item));
    }

    /** Moves the document to {@code scanning}; true only for the first scanner to get here. */
    public boolean markScanning(UploadKey k, Instant now) {
        return conditional(() -> dynamo.updateItem(b -> b.tableName(table).key(key(k))
                .updateExpression("SET #st = :scanning, scanStartedAt = :now, updatedAt = :now")
                .conditionExpression("attribute_exists(documentId) AND attribute_not_exists(scanStartedAt) AND " + IN_PROGRESS)
                .expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(Map.of(":scanning", s(DocumentRow.SCANNING), ":awaiting", s(DocumentRow.AWAITING_UPLOAD),
                        ":now", s(now.toString())))));
    }

    /**
     * Records one scanner's verdict on the row. Returns the row as it is after this write when this
     * call added the scanner, empty when the scanner was already recorded (a redelivery) or the
     * document is no longer being scanned.
     */
    public Optional<DocumentRow> recordVerdict(UploadKey k, RecordedVerdict v, Instant now) {
        // the nested SET below needs the map to exist; creating it is a separate, idempotent write
        conditional(() -> dynamo.updateItem(b -> b.tableName(table).key(key(k))
                .updateExpression("SET verdicts = :empty")
                .conditionExpression("attribute_exists(documentId) AND attribute_not_exists(verdicts)")
                .expressionAttributeValues(Map.of(":empty", AttributeValue.fromM(Map.of())))));
        UpdateItemResponse[] out = new UpdateItemResponse[1];
        boolean added = conditional(() -> out[0] = dynamo.updateItem(b -> b.tableName(table).key(key(k))
                .updateExpression("SET verdicts.#sc = :v, updatedAt = :now ADD scanners :set")
                .conditionExpression("attribute_exists(documentId) AND NOT contains(scanners, :name) AND " + IN_PROGRESS)
                .expressionAttributeNames(Map.of("#sc", v.scanner(), "#st", "status"))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromM(v.toAttributes()), ":now", s(now.toString()),
                        ":set", AttributeValue.fromSs(List.of(v.scanner())), ":name", s(v.scanner()),
                        ":awaiting", s(DocumentRow.AWAITING_UPLOAD), ":scanning", s(DocumentRow.SCANNING)))
                .returnValues(ReturnValue.ALL_NEW)));
        return added ? Optional.of(DocumentRow.from(out[0].attributes())) : Optional.empty();
    }

    /** Claims the final decision; true for exactly one caller per document. */
    public boolean claim(UploadKey k, Decision d, String quarantineKey, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":final", s(d.kind().status()), ":decision", s(d.kind().name()),
                ":now", s(now.toString()), ":reasons", strings(d.reasons()), ":blocking", strings(d.scanners()),
                ":tag", s(d.kind().tag()), ":awaiting", s(DocumentRow.AWAITING_UPLOAD), ":scanning", s(DocumentRow.SCANNING)));
        StringBuilder set = new StringBuilder("SET #st = :final, decision = :decision, decidedAt = :now, updatedAt = :now, "
                + "reasons = :reasons, blockingScanners = :blocking, scanStatus = :tag");
        if (d.sha256() != null) {
            set.append(", sha256 = :sha");
            values.put(":sha", s(d.sha256()));
        }
        if (quarantineKey != null) {
            set.append(", quarantineKey = :qk");
            values.put(":qk", s(quarantineKey));
        }
        return conditional(() -> dynamo.updateItem(b -> b.tableName(table).key(key(k))
                .updateExpression(set.toString())
                .conditionExpression("attribute_exists(documentId) AND attribute_not_exists(decision) AND " + IN_PROGRESS)
                .expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(values)));
    }

    /**
     * Creates the row for an object nobody issued an upload URL for, already quarantined; true for
     * the one caller that created it.
     */
    public boolean putUnknown(UploadKey k, Decision d, String quarantineKey, String objectKey, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(k));
        item.put("status", s(d.kind().status()));
        item.put("decision", s(d.kind().name()));
        item.put("reasons", strings(d.reasons()));
        item.put("blockingScanners", strings(d.scanners()));
        item.put("scanStatus", s(d.kind().tag()));
        item.put("quarantineKey", s(quarantineKey));
        item.put("origin", s("unissued_upload"));
        item.put("objectKey", s(objectKey));
        item.put("createdAt", s(now.toString()));
        item.put("decidedAt", s(now.toString()));
        item.put("updatedAt", s(now.toString()));
        return conditional(() -> dynamo.putItem(b -> b.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(documentId)")));
    }

    public void markEffectsApplied(UploadKey k, Instant now) {
        conditional(() -> dynamo.updateItem(b -> b.tableName(table).key(key(k))
                .updateExpression("SET effectsAppliedAt = :now")
                .conditionExpression("attribute_exists(documentId)")
                .expressionAttributeValues(Map.of(":now", s(now.toString())))));
    }

    private static boolean conditional(Runnable write) {
        try {
            write.run();
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    static Map<String, AttributeValue> key(UploadKey k) {
        return Map.of("tenantId", s(k.tenantId()), "documentId", s(k.documentId()));
    }

    private static AttributeValue strings(List<String> l) {
        return AttributeValue.fromL(l.stream().map(AttributeValue::fromS).toList());
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }
}
