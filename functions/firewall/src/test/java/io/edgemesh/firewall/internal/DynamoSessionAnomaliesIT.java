package io.edgemesh.firewall.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.emulators.Emulators;
import io.edgemesh.events.AuditEvent;
import io.edgemesh.events.EdgeMeshEvents;
import io.edgemesh.firewall.anomaly.AnomalyPolicy;
import io.edgemesh.firewall.anomaly.SessionStatus;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.Names;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The session counters and the audit sink on DynamoDB Local and ElasticMQ. */
class DynamoSessionAnomaliesIT {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:05Z");
    private static final String PREFIX = "edgemesh-fwit";
    private static DynamoDbClient dynamo;
    private static SqsClient sqs;
    private static Map<String, String> env;

    @BeforeAll
    static void emulators() {
        Emulators e = Emulators.shared();
        dynamo = e.dynamoDb();
        sqs = e.sqs();
        env = e.environment(PREFIX);
    }

    private static DynamoSessionAnomalies store() {
        return new DynamoSessionAnomalies(dynamo, env.get(Names.tableEnv(EdgeMeshResources.SESSIONS.name())), AnomalyPolicy.DEFAULT);
    }

    private static String tenant() { return "t" + UUID.randomUUID().toString().substring(0, 8); }

    @Test
    void twentyConcurrentMessagesInOneWindowAreCountedExactly() throws Exception {
        // GIVEN 20 threads sending one message each for the same session in the same 10-second window
        DynamoSessionAnomalies store = store();
        String tenant = tenant();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<SessionStatus>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return store.recordMessage(tenant, "s1", NOW);
                }));
            }
            // WHEN they start together
            go.countDown();
            List<Integer> counts = new ArrayList<>();
            for (Future<SessionStatus> f : results) counts.add(f.get().messagesInWindow());
            // THEN every message got its own count, 1 to 20
            assertThat(counts).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        // AND the next window starts again at one
        assertThat(store.recordMessage(tenant, "s1", NOW.plusSeconds(10)).messagesInWindow()).isEqualTo(1);
    }

    @Test
    void threeBlocksWithinTenMinutesQuarantineForFifteenMinutesUnderTheFirewallKey() {
        DynamoSessionAnomalies store = store();
        String tenant = tenant();
        assertThat(store.recordBlock(tenant, "s2", NOW).quarantinedUntil()).isNull();
        assertThat(store.recordBlock(tenant, "s2", NOW.plus(Duration.ofMinutes(4))).quarantinedUntil()).isNull();
        SessionStatus third = store.recordBlock(tenant, "s2", NOW.plus(Duration.ofMinutes(8)));
        assertThat(third.recentBlocks()).isEqualTo(3);
        assertThat(third.quarantinedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(23)));
        // the next message sees the quarantine until it ends
        assertThat(store.recordMessage(tenant, "s2", NOW.plus(Duration.ofMinutes(9))).quarantinedAt(NOW.plus(Duration.ofMinutes(9)))).isTrue();
        assertThat(store.recordMessage(tenant, "s2", NOW.plus(Duration.ofMinutes(24))).quarantinedAt(NOW.plus(Duration.ofMinutes(24)))).isFalse();
        // the state lives in the sessions table under firewall#<session>, with a TTL
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(env.get(Names.tableEnv(EdgeMeshResources.SESSIONS.name())))
                .key(Map.of("tenantId", AttributeValue.fromS(tenant), "sessionId", AttributeValue.fromS("firewall#s2")))).item();
        assertThat(item).containsKeys("blocks", "quarantinedUntil", "expiresAt");
    }

    @Test
    void blocksMoreThanTenMinutesApartDoNotQuarantine() {
        DynamoSessionAnomalies store = store();
        String tenant = tenant();
        store.recordBlock(tenant, "s3", NOW);
        store.recordBlock(tenant, "s3", NOW.plus(Duration.ofMinutes(6)));
        SessionStatus third = store.recordBlock(tenant, "s3", NOW.plus(Duration.ofMinutes(12)));
        assertThat(third.recentBlocks()).isEqualTo(2);
        assertThat(third.quarantinedUntil()).isNull();
    }

    @Test
    void anAuditEventReachesTheFifoQueueGroupedByTenantAndDeduplicatedById() {
        String url = env.get(Names.queueEnv(EdgeMeshResources.AUDIT_EVENTS.name()));
        SqsAuditSink sink = new SqsAuditSink(sqs, url);
        String tenant = tenant();
        AuditEvent e = new AuditEvent(tenant, "fw-" + UUID.randomUUID(), "prompt.blocked", "firewall", "s1", "blocked", NOW,
                Map.of("categories", List.of("prompt_injection")));
        sink.record(e);
        sink.record(e);
        List<Message> got = new ArrayList<>();
        for (int i = 0; i < 5 && got.stream().noneMatch(m -> m.body().contains(tenant)); i++) {
            got.addAll(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNamesWithStrings("MessageGroupId")).messages());
        }
        List<Message> mine = got.stream().filter(m -> m.body().contains(tenant)).toList();
        assertThat(mine).singleElement().satisfies(m -> {
            assertThat(m.attributesAsStrings().get("MessageGroupId")).isEqualTo(tenant);
            assertThat(EdgeMeshEvents.parse(m.body(), AuditEvent.class).action()).isEqualTo("prompt.blocked");
        });
    }
}
