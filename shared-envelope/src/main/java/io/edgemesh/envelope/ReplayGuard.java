package io.edgemesh.envelope;

import io.edgemesh.envelope.internal.DynamoDbReplayGuard;
import io.edgemesh.envelope.internal.InMemoryReplayGuard;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Remembers which request ids were accepted, so that a captured invocation cannot be played again
 * while its envelope is still inside the time window. Keys are {@code <tenant>#<requestId>}.
 */
public interface ReplayGuard {

    /**
     * Records the nonce if it is new.
     *
     * @param envelopeExpiresAt epoch seconds when the envelope expires; the record must outlive it
     * @return true the first time, false for a replay
     */
    boolean firstSeen(String tenantId, String requestId, long envelopeExpiresAt);

    /** {@code <tenant>#<requestId>}: neither may contain '#', so the key names exactly one pair. */
    static String nonceKey(String tenantId, String requestId) {
        return tenantId + "#" + requestId;
    }

    /** How long beyond an envelope's expiry a nonce is kept: the skew window plus a margin for clocks and TTL sweeps. */
    long RETENTION_BEYOND_EXPIRY_SECONDS = 300 + 60;

    /** Process-local; for unit tests and single-JVM tools only (Lambda instances do not share memory). */
    static ReplayGuard inMemory(Clock clock) { return new InMemoryReplayGuard(clock); }

    /**
     * Conditional writes to the {@code replay-guard} table (partition key {@code nonceKey}, TTL
     * attribute {@code expiresAt}). Needs {@code software.amazon.awssdk:dynamodb} on the class path.
     */
    static ReplayGuard dynamoDb(DynamoDbClient client, String tableName, Clock clock) {
        return new DynamoDbReplayGuard(client, tableName, clock);
    }
}
