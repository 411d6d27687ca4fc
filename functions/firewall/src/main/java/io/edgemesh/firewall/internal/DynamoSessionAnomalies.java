package io.edgemesh.firewall.internal;

import io.edgemesh.firewall.anomaly.AnomalyPolicy;
import io.edgemesh.firewall.anomaly.SessionAnomalies;
import io.edgemesh.firewall.anomaly.SessionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Session counters in the sessions table, item {@code (tenantId, "firewall#<sessionId>")}, with TTL
 * {@code expiresAt}. Every change is one atomic {@code UpdateItem}:
 * <ul>
 *   <li>messages: a fixed window ({@code burstWindow} = epoch seconds / window length) and its count;
 *       {@code ADD} while the window is current, otherwise a conditional reset that only one writer wins
 *       (the loser retries the {@code ADD});</li>
 *   <li>blocks: their epoch seconds appended with {@code list_append}, so the sliding block window is
 *       exact; the list is pruned with a size-conditioned write once it grows;</li>
 *   <li>quarantine: {@code quarantinedUntil} set only if it moves later.</li>
 * </ul>
 * The low-level client is used because the Enhanced Client cannot express ADD and list_append.
 */
public final class DynamoSessionAnomalies implements SessionAnomalies {
    static final String PREFIX = "firewall#";
    private static final int ATTEMPTS = 4;

    private final DynamoDbClient dynamo;
    private final String table;
    private final AnomalyPolicy policy;

    public DynamoSessionAnomalies(DynamoDbClient dynamo, String table, AnomalyPolicy policy) {
        this.dynamo = dynamo;
        this.table = table;
        this.policy = policy;
    }

    @Override
    public SessionStatus recordMessage(String tenantId, String sessionId, Instant now) {
        long window = now.getEpochSecond() / policy.burstWindow().toSeconds();
        Map<String, AttributeValue> values = Map.of(":w", n(window), ":one", n(1), ":ttl", n(ttl(now)));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return status(update(tenantId, sessionId, "SET expiresAt = :ttl ADD burstCount :one",
                        "burstWindow = :w", values));
            } catch (ConditionalCheckFailedException notCurrent) {
                try {
                    return status(update(tenantId, sessionId, "SET burstWindow = :w, burstCount = :one, expiresAt = :ttl",
                            "attribute_not_exists(burstWindow) OR burstWindow < :w", values));
                } catch (ConditionalCheckFailedException someoneElseOpenedIt) {
                    // another invocation opened this window between our two writes: count into it
                }
            }
        }
        throw new IllegalStateException("could not count a message after " + ATTEMPTS + " attempts");
    }

    @Override
    public SessionStatus recordBlock(String tenantId, String sessionId, Instant now) {
        long at = now.getEpochSecond();
        Map<String, AttributeValue> item = update(tenantId, sessionId,
                "SET blocks = list_append(if_not_exists(blocks, :empty), :at), expiresAt = :ttl", null,
                Map.of(":empty", AttributeValue.fromL(List.of()), ":at", AttributeValue.fromL(List.of(n(at))), ":ttl", n(ttl(now))));
        List<AttributeValue> all = item.getOrDefault("blocks", AttributeValue.fromL(List.of())).l();
        long since = at - policy.blockWindow().toSeconds();
        List<AttributeValue> recent = new ArrayList<>();
        for (AttributeValue v : all) if (Long.parseLong(v.n()) > since) recent.add(v);
        Instant until = instant(item.get("quarantinedUntil"));
        if (recent.size() >= policy.blocksToQuarantine()) {
            Instant newUntil = now.plus(policy.quarantine());
            try {
                item = update(tenantId, sessionId, "SET quarantinedUntil = :until, expiresAt = :qttl",
                        "attribute_not_exists(quarantinedUntil) OR quarantinedUntil < :until",
                        Map.of(":until", n(newUntil.getEpochSecond()), ":qttl", n(Math.max(ttl(now), newUntil.getEpochSecond()))));
                until = instant(item.get("quarantinedUntil"));
            } catch (ConditionalCheckFailedException later) {
                // a concurrent block already set a quarantine that ends at least as late
            }
        }
        if (all.size() > 4 * policy.blocksToQuarantine()) prune(tenantId, sessionId, all.size(), recent);
        return new SessionStatus(0, recent.size(), until);
    }

    /** Drops expired block times; loses harmlessly to any concurrent append (the size no longer matches). */
    private void prune(String tenantId, String sessionId, int size, List<AttributeValue> recent) {
        try {
            update(tenantId, sessionId, "SET blocks = :recent", "size(blocks) = :n",
                    Map.of(":recent", AttributeValue.fromL(recent), ":n", n(size)));
        } catch (ConditionalCheckFailedException ignored) {
            // the next block prunes
        }
    }

    private Map<String, AttributeValue> update(String tenantId, String sessionId, String expression, String condition,
                                               Map<String, AttributeValue> values) {
        UpdateItemRequest.Builder b = UpdateItemRequest.builder().tableName(table)
                .key(Map.of("tenantId", AttributeValue.fromS(tenantId), "sessionId", AttributeValue.fromS(PREFIX + sessionId)))
                .updateExpression(expression)
                .expressionAttributeValues(new HashMap<>(values))
                .returnValues(ReturnValue.ALL_NEW);
        if (condition != null) b.conditionExpression(condition);
        return dynamo.updateItem(b.build()).attributes();
    }

    private SessionStatus status(Map<String, AttributeValue> item) {
        AttributeValue count = item.get("burstCount");
        return new SessionStatus(count == null ? 0 : Integer.parseInt(count.n()), 0, instant(item.get("quarantinedUntil")));
    }

    private long ttl(Instant now) { return now.plus(policy.stateTtl()).getEpochSecond(); }

    private static Instant instant(AttributeValue v) {
        return v == null || v.n() == null ? null : Instant.ofEpochSecond(Long.parseLong(v.n()));
    }

    private static AttributeValue n(long v) { return AttributeValue.fromN(Long.toString(v)); }
}
