package io.edgemesh.orchestrator.internal;

import io.edgemesh.orchestrator.tools.EscalationStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The escalations table (pk tenantId, sk escalationId); written once per hand-off. */
public final class DynamoEscalationStore implements EscalationStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoEscalationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void create(String tenantId, String escalationId, String sessionId, String reason, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("tenantId", AttributeValue.fromS(tenantId));
        item.put("escalationId", AttributeValue.fromS(escalationId));
        if (sessionId != null) item.put("sessionId", AttributeValue.fromS(sessionId));
        item.put("reason", AttributeValue.fromS(reason));
        item.put("status", AttributeValue.fromS("open"));
        item.put("createdAt", AttributeValue.fromS(at.toString()));
        dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(escalationId)"));
    }
}
