package io.edgemesh.envelope.internal;

import io.edgemesh.envelope.ReplayGuard;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One conditional {@code PutItem} per envelope on the {@code replay-guard} table: it succeeds only
 * when the nonce is new, or when an old record has outlived its TTL but not yet been swept (DynamoDB
 * deletes expired items lazily, up to days later).
 */
public final class DynamoDbReplayGuard implements ReplayGuard {
    public static final String KEY = "nonceKey";
    public static final String TTL = "expiresAt";

    private final DynamoDbClient client;
    private final String tableName;
    private final Clock clock;

    public DynamoDbReplayGuard(DynamoDbClient client, String tableName, Clock clock) {
        this.client = client;
        this.tableName = tableName;
        this.clock = clock;
    }

    @Override
    public boolean firstSeen(String tenantId, String requestId, long envelopeExpiresAt) {
        long now = clock.instant().getEpochSecond();
        long retainUntil = envelopeExpiresAt + RETENTION_BEYOND_EXPIRY_SECONDS;
        try {
            client.putItem(b -> b.tableName(tableName)
                    .item(Map.of(
                            KEY, AttributeValue.fromS(ReplayGuard.nonceKey(tenantId, requestId)),
                            "tenantId", AttributeValue.fromS(tenantId),
                            TTL, AttributeValue.fromN(Long.toString(retainUntil))))
                    .conditionExpression("attribute_not_exists(#k) OR #t < :now")
                    .expressionAttributeNames(Map.of("#k", KEY, "#t", TTL))
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
