package io.edgemesh.backbone.documents;

import static io.edgemesh.backbone.internal.Attrs.s;
import static io.edgemesh.backbone.internal.Attrs.t;

import io.edgemesh.backbone.documents.internal.DocumentItems;
import io.edgemesh.backbone.internal.Attrs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The documents table (partition {@code tenantId}, sort {@code documentId}) and the per-scanner rows
 * of the scans table (partition {@code tenantId}, sort {@code <documentId>#<scanner>}). Every
 * operation takes the tenant id and uses it as the partition key: there is no way to reach another
 * tenant's row through this class.
 */
public final class DocumentStore {
    private final DynamoDbClient dynamo;
    private final String documentsTable;
    private final String scansTable;

    public DocumentStore(DynamoDbClient dynamo, String documentsTable, String scansTable) {
        this.dynamo = dynamo;
        this.documentsTable = documentsTable;
        this.scansTable = scansTable;
    }

    /** Writes the {@code awaiting_upload} row; false if the id is already taken (never overwrites). */
    public boolean create(NewDocument d) {
        try {
            dynamo.putItem(b -> b.tableName(documentsTable).item(DocumentItems.item(d, DocumentStatus.AWAITING_UPLOAD))
                    .conditionExpression("attribute_not_exists(documentId)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    public Optional<Map<String, AttributeValue>> row(String tenantId, String documentId) {
        var r = dynamo.getItem(b -> b.tableName(documentsTable).key(DocumentItems.key(tenantId, documentId)).consistentRead(true));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(r.item()) : Optional.empty();
    }

    /**
     * The document as stored, without settling expired uploads or reading the scans table: for readers
     * that may touch nothing but this table (the MCP function). Malformed ids are simply absent.
     */
    public Optional<Document> document(String tenantId, String documentId) {
        if (!DocumentIds.valid(documentId)) return Optional.empty();
        return row(tenantId, documentId).map(DocumentItems::document);
    }

    /** A page of rows in document-id order, starting after {@code afterDocumentId} when given. */
    public Page page(String tenantId, int limit, String afterDocumentId) {
        QueryRequest.Builder q = QueryRequest.builder().tableName(documentsTable).limit(limit)
                .keyConditionExpression("tenantId = :t").expressionAttributeValues(Map.of(":t", s(tenantId)));
        if (afterDocumentId != null) q.exclusiveStartKey(DocumentItems.key(tenantId, afterDocumentId));
        QueryResponse r = dynamo.query(q.build());
        String next = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty()
                ? Attrs.str(r.lastEvaluatedKey(), DocumentItems.SK) : null;
        return new Page(r.items(), next);
    }

    public record Page(List<Map<String, AttributeValue>> rows, String lastDocumentId) { }

    /**
     * Documents that count against the tenant's limit: every one not {@code failed}, and not an upload
     * whose URL expired before {@code expiredBefore} (it can never receive its object; it becomes
     * {@code failed} when next read).
     */
    public long countActive(String tenantId, Instant expiredBefore) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(documentsTable).select(Select.COUNT)
                    .keyConditionExpression("tenantId = :t")
                    .filterExpression("#st <> :failed AND NOT (#st = :awaiting AND uploadExpiresAt < :cutoff)")
                    .expressionAttributeNames(Map.of("#st", "status"))
                    .expressionAttributeValues(Map.of(":t", s(tenantId), ":failed", s(DocumentStatus.FAILED),
                            ":awaiting", s(DocumentStatus.AWAITING_UPLOAD), ":cutoff", t(expiredBefore)));
            if (start != null) q.exclusiveStartKey(start);
            QueryResponse r = dynamo.query(q.build());
            count += r.count();
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /**
     * Fails an upload whose URL expired with nothing received. Conditional on the row still awaiting
     * upload with no scan started, so a scanner that got there first always wins.
     */
    public boolean markUploadExpired(String tenantId, String documentId, Instant now) {
        try {
            dynamo.updateItem(b -> b.tableName(documentsTable).key(DocumentItems.key(tenantId, documentId))
                    .updateExpression("SET #st = :failed, reasons = :reasons, decidedAt = :now, updatedAt = :now")
                    .conditionExpression("#st = :awaiting AND attribute_not_exists(scanStartedAt)")
                    .expressionAttributeNames(Map.of("#st", "status"))
                    .expressionAttributeValues(Map.of(":failed", s(DocumentStatus.FAILED), ":awaiting",
                            s(DocumentStatus.AWAITING_UPLOAD), ":now", t(now),
                            ":reasons", AttributeValue.fromL(List.of(s("upload_expired"))))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Deletes the row; false when it was already gone. */
    public boolean delete(String tenantId, String documentId) {
        try {
            dynamo.deleteItem(b -> b.tableName(documentsTable).key(DocumentItems.key(tenantId, documentId))
                    .conditionExpression("attribute_exists(documentId)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The document's rows in the scans table, by scanner (the source of truth if the row's copy lags). */
    public Map<String, Map<String, AttributeValue>> scanRows(String tenantId, String documentId) {
        Map<String, Map<String, AttributeValue>> out = new HashMap<>();
        String prefix = documentId + "#";
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(scansTable).consistentRead(true)
                    .keyConditionExpression("tenantId = :t AND begins_with(scanId, :p)")
                    .expressionAttributeValues(Map.of(":t", s(tenantId), ":p", s(prefix)));
            if (start != null) q.exclusiveStartKey(start);
            QueryResponse r = dynamo.query(q.build());
            for (Map<String, AttributeValue> item : r.items()) {
                String scanId = Attrs.str(item, "scanId");
                if (scanId != null && scanId.length() > prefix.length()) out.put(scanId.substring(prefix.length()), item);
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /** Scans-table rows for the ids, for callers that need them all (delete). */
    public List<String> scanIds(String tenantId, String documentId) {
        return new ArrayList<>(scanRows(tenantId, documentId).keySet());
    }

    /** Deletes the document's scans-table rows (after the document is deleted; idempotent). */
    public void deleteScanRows(String tenantId, String documentId) {
        for (String scanner : scanIds(tenantId, documentId)) {
            dynamo.deleteItem(b -> b.tableName(scansTable).key(Map.of("tenantId", s(tenantId),
                    "scanId", s(documentId + "#" + scanner))));
        }
    }
}
