package io.edgemesh.llm.internal;

import io.edgemesh.llm.router.BudgetLedger;
import java.time.YearMonth;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The usage table (pk tenantId, sk period = yyyy-MM): one atomic {@code ADD} per call, so concurrent
 * invocations add up exactly without a read-modify-write. Cost is kept in micro-dollars as an integer
 * so sums are exact. Budget reads are strongly consistent: a burst right at the limit overshoots by at
 * most the calls already in flight, never by a stale read.
 */
public final class DynamoDbBudgetLedger implements BudgetLedger {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbBudgetLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public long usedTokens(String tenantId, YearMonth month) {
        GetItemResponse r = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(tenantId, month)).projectionExpression("budgetTokens"));
        AttributeValue v = r.hasItem() ? r.item().get("budgetTokens") : null;
        return v == null ? 0 : Long.parseLong(v.n());
    }

    @Override
    public void record(String tenantId, YearMonth month, String provider, int in, int out, double costUsd, boolean counts) {
        long micros = Math.round(costUsd * 1_000_000);
        String safeProvider = provider.replaceAll("[^a-zA-Z0-9_]", "_");
        dynamo.updateItem(b -> b.tableName(table).key(key(tenantId, month))
                // ADD works on top-level attributes only, hence one counter attribute per provider
                .updateExpression("ADD requests :one, inputTokens :in, outputTokens :out, costMicroUsd :cost, "
                        + "budgetTokens :budget, #byProvider :one")
                .expressionAttributeNames(Map.of("#byProvider", "requests_" + safeProvider))
                .expressionAttributeValues(Map.of(
                        ":one", n(1), ":in", n(in), ":out", n(out), ":cost", n(micros),
                        ":budget", n(counts ? in + out : 0))));
    }

    private static Map<String, AttributeValue> key(String tenantId, YearMonth month) {
        return Map.of("tenantId", AttributeValue.fromS(tenantId), "period", AttributeValue.fromS(month.toString()));
    }

    private static AttributeValue n(long v) { return AttributeValue.fromN(Long.toString(v)); }
}
