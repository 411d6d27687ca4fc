package io.edgemesh.orchestrator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgemesh.common.Json;
import io.edgemesh.orchestrator.tools.DocumentCatalog;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The documents table (pk tenantId, sk documentId), read-only: status counts and metadata. */
public final class DynamoDocumentCatalog implements DocumentCatalog {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDocumentCatalog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<JsonNode> find(String tenantId, String documentId) {
        var r = dynamo.getItem(b -> b.tableName(table).key(Map.of(
                "tenantId", AttributeValue.fromS(tenantId), "documentId", AttributeValue.fromS(documentId))));
        if (!r.hasItem()) return Optional.empty();
        ObjectNode out = Json.MAPPER.createObjectNode();
        r.item().forEach((k, v) -> {
            if (v.s() != null) out.put(k, v.s());
            else if (v.n() != null) out.put(k, Double.parseDouble(v.n()) % 1 == 0 ? Long.parseLong(v.n().split("\\.")[0]) : Double.parseDouble(v.n()));
            else if (v.bool() != null) out.put(k, v.bool());
        });
        return Optional.of(out);
    }

    @Override
    public Map<String, Integer> countByStatus(String tenantId) {
        Map<String, Integer> counts = new HashMap<>();
        var pages = dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("tenantId = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenantId)))
                .projectionExpression("#s").expressionAttributeNames(Map.of("#s", "status")));
        pages.items().forEach(item -> {
            AttributeValue s = item.get("status");
            if (s != null && s.s() != null) counts.merge(s.s(), 1, Integer::sum);
        });
        return counts;
    }
}
