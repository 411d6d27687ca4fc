package io.edgemesh.orchestrator.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.edgemesh.common.Json;
import io.edgemesh.orchestrator.session.Session;
import io.edgemesh.orchestrator.session.SessionStore;
import io.edgemesh.orchestrator.session.Turn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Sessions in the sessions table (pk tenantId, sk sessionId, TTL attribute expiresAt in epoch
 * seconds). Turns are one compact JSON attribute; {@code version} guards concurrent writers.
 * An item DynamoDB has not yet expired but whose TTL has passed is treated as gone.
 */
public final class DynamoSessionStore implements SessionStore {
    private static final TypeReference<List<StoredTurn>> TURNS = new TypeReference<>() { };

    /** A turn as stored: the shared mapper has no java.time support, so the instant is an ISO-8601 string. */
    record StoredTurn(String role, String text, String at) {
        static StoredTurn of(Turn t) {
            return new StoredTurn(t.role(), t.text(), t.at() == null ? null : t.at().toString());
        }

        Turn turn() {
            return new Turn(role, text, at == null ? null : Instant.parse(at));
        }
    }
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSessionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Session> find(String tenantId, String sessionId) {
        var r = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "tenantId", AttributeValue.fromS(tenantId), "sessionId", AttributeValue.fromS(sessionId))));
        if (!r.hasItem()) return Optional.empty();
        var item = r.item();
        Instant expires = Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n()));
        if (expires.isBefore(Instant.now())) return Optional.empty();
        try {
            List<Turn> turns = Json.MAPPER.readValue(item.get("turns").s(), TURNS).stream().map(StoredTurn::turn).toList();
            return Optional.of(new Session(tenantId, sessionId, Integer.parseInt(item.get("trustLevel").n()), turns,
                    Instant.parse(item.get("createdAt").s()), expires, Long.parseLong(item.get("version").n())));
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt session " + tenantId + "/" + sessionId, e);
        }
    }

    @Override
    public boolean save(Session s) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            "tenantId", AttributeValue.fromS(s.tenantId()),
                            "sessionId", AttributeValue.fromS(s.sessionId()),
                            "trustLevel", AttributeValue.fromN(Integer.toString(s.trustLevel())),
                            "turns", AttributeValue.fromS(Json.write(s.turns().stream().map(StoredTurn::of).toList())),
                            "turnCount", AttributeValue.fromN(Integer.toString(s.turns().size())),
                            "createdAt", AttributeValue.fromS(s.createdAt().toString()),
                            "expiresAt", AttributeValue.fromN(Long.toString(s.expiresAt().getEpochSecond())),
                            "version", AttributeValue.fromN(Long.toString(s.version() + 1))))
                    .conditionExpression("attribute_not_exists(sessionId) OR version = :v")
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(s.version())))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
