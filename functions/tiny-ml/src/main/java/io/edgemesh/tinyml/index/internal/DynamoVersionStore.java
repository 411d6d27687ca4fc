package io.edgemesh.tinyml.index.internal;

import io.edgemesh.tinyml.index.IndexVersion;
import io.edgemesh.tinyml.index.IndexedDocument;
import io.edgemesh.tinyml.index.VersionConflictException;
import io.edgemesh.tinyml.index.VersionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The index-versions table: one item per tenant (pk {@code tenantId}) with {@code version},
 * {@code versionId}, {@code manifestKey}, {@code updatedAt} and {@code documents} (a list of maps).
 * Advanced with a put conditioned on the previous {@code version}, or on the item's absence for the first.
 */
public final class DynamoVersionStore implements VersionStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoVersionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<IndexVersion> current(String tenantId) {
        GetItemResponse r = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("tenantId", AttributeValue.fromS(tenantId))));
        if (!r.hasItem() || r.item().isEmpty()) return Optional.empty();
        Map<String, AttributeValue> item = r.item();
        List<IndexedDocument> docs = new ArrayList<>();
        AttributeValue list = item.get("documents");
        if (list != null && list.hasL()) {
            for (AttributeValue v : list.l()) {
                Map<String, AttributeValue> d = v.m();
                docs.add(new IndexedDocument(s(d, "documentId"), s(d, "filename"), (int) n(d, "chunks"),
                        (int) n(d, "pages"), s(d, "language")));
            }
        }
        return Optional.of(new IndexVersion(tenantId, n(item, "version"), s(item, "versionId"), s(item, "manifestKey"),
                Instant.parse(s(item, "updatedAt")), docs));
    }

    @Override
    public void advance(long expectedVersion, IndexVersion next) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("tenantId", AttributeValue.fromS(next.tenantId()));
        item.put("version", AttributeValue.fromN(Long.toString(next.version())));
        item.put("versionId", AttributeValue.fromS(next.versionId()));
        item.put("manifestKey", AttributeValue.fromS(next.manifestKey()));
        item.put("updatedAt", AttributeValue.fromS(next.updatedAt().toString()));
        List<AttributeValue> docs = new ArrayList<>();
        for (IndexedDocument d : next.documents()) {
            docs.add(AttributeValue.fromM(Map.of(
                    "documentId", AttributeValue.fromS(d.documentId()),
                    "filename", AttributeValue.fromS(d.filename()),
                    "chunks", AttributeValue.fromN(Integer.toString(d.chunks())),
                    "pages", AttributeValue.fromN(Integer.toString(d.pages())),
                    "language", AttributeValue.fromS(d.language()))));
        }
        item.put("documents", AttributeValue.fromL(docs));
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item);
        if (expectedVersion == 0) {
            put.conditionExpression("attribute_not_exists(tenantId)");
        } else {
            put.conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion))));
        }
        try {
            dynamo.putItem(put.build());
        } catch (ConditionalCheckFailedException e) {
            throw new VersionConflictException(next.tenantId(), expectedVersion);
        }
    }

    private static String s(Map<String, AttributeValue> m, String k) {
        AttributeValue v = m.get(k);
        return v == null || v.s() == null ? "" : v.s();
    }

    private static long n(Map<String, AttributeValue> m, String k) {
        AttributeValue v = m.get(k);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }
}
