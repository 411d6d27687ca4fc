package io.edgemesh.orchestrator.internal;

import io.edgemesh.orchestrator.chat.TenantDirectory;
import io.edgemesh.orchestrator.readiness.TenantStatusStore;
import io.edgemesh.orchestrator.tools.TrustLevel;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The tenant profile item (pk tenantId, sk {@code PROFILE}) written by Layer 7's tenant store: the
 * orchestrator reads status, limits and trust ceiling, and flips status for readiness with a
 * conditional update that never touches a suspended tenant.
 */
public final class DynamoTenants implements TenantDirectory, TenantStatusStore {
    static final String PROFILE = "PROFILE";
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoTenants(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private Map<String, AttributeValue> key(String tenantId) {
        return Map.of("tenantId", AttributeValue.fromS(tenantId), "sk", AttributeValue.fromS(PROFILE));
    }

    @Override
    public Optional<TenantInfo> find(String tenantId) {
        var r = dynamo.getItem(b -> b.tableName(table).key(key(tenantId)).consistentRead(true));
        if (!r.hasItem()) return Optional.empty();
        var item = r.item();
        return Optional.of(new TenantInfo(tenantId, str(item, "status", "pending_documents"),
                num(item, "monthlyTokenBudget", 0), TrustLevel.parse(str(item, "trustCeiling", "anonymous")).level(),
                (int) num(item, "sessionTtlHours", 24)));
    }

    @Override
    public boolean transition(String tenantId, String from, String to) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key(tenantId))
                    // bump the profile's optimistic-lock version so Layer 7's read-modify-write cannot undo this
                    .updateExpression("SET #s = :to, statusChangedAt = :at ADD version :one")
                    .conditionExpression("#s = :from")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":to", AttributeValue.fromS(to), ":from", AttributeValue.fromS(from),
                            ":at", AttributeValue.fromS(java.time.Instant.now().toString()),
                            ":one", AttributeValue.fromN("1"))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Reads a top-level attribute or the same name inside a {@code limits} map. */
    private static long num(Map<String, AttributeValue> item, String name, long fallback) {
        AttributeValue v = item.get(name);
        if (v == null && item.containsKey("limits") && item.get("limits").hasM()) v = item.get("limits").m().get(name);
        return v == null || v.n() == null ? fallback : (long) Double.parseDouble(v.n());
    }

    private static String str(Map<String, AttributeValue> item, String name, String fallback) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? fallback : v.s();
    }
}
