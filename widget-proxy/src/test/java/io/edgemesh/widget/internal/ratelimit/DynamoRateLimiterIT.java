package io.edgemesh.widget.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.emulators.Emulators;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.Names;
import io.edgemesh.widget.support.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

/**
 * The token buckets on DynamoDB Local: exact under concurrent takers. The clock is held still so
 * the bucket cannot refill during the run: every grant beyond the capacity would be a lost update.
 */
class DynamoRateLimiterIT {

    private static DynamoDbClient dynamo;
    private static String table;
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @BeforeAll
    static void emulators() {
        Emulators e = Emulators.shared();
        dynamo = e.dynamoDb();
        table = e.provision(Names.DEFAULT_PREFIX).table(EdgeMeshResources.RATE_LIMITS.name());
    }

    private static String tenant() { return "t" + UUID.randomUUID().toString().substring(0, 8); }

    @Test
    void twentyThreadsOnASixtyPerMinuteBucketGetExactlySixtyGrants() throws Exception {
        // GIVEN one bucket of 60 per minute and 20 threads, each trying 5 times at the same instant
        DynamoRateLimiter limiter = new DynamoRateLimiter(dynamo, table, Clock.fixed(NOW, ZoneOffset.UTC));
        Limit limit = Limit.of(tenant(), "tenant", "all", 60);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Decision>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    List<Decision> mine = new ArrayList<>();
                    for (int k = 0; k < 5; k++) mine.add(limiter.acquire(List.of(limit)));
                    return mine;
                }));
            }
            // WHEN they all start together
            go.countDown();
            List<Decision> all = new ArrayList<>();
            for (Future<List<Decision>> f : results) all.addAll(f.get());
            // THEN exactly 60 of the 100 attempts are granted, and each refusal says when to retry
            assertThat(all).hasSize(100);
            assertThat(all.stream().filter(Decision::granted).count()).isEqualTo(60);
            assertThat(all.stream().filter(d -> !d.granted())).allSatisfy(d -> {
                assertThat(d.retryAfterSeconds()).isBetween(1L, 60L);
                assertThat(d.bucketKey()).isEqualTo(limit.bucketKey());
            });
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tokensComeBackWithTime() {
        MutableClock clock = new MutableClock(NOW);
        DynamoRateLimiter limiter = new DynamoRateLimiter(dynamo, table, clock);
        Limit limit = Limit.of(tenant(), "session", "s1", 3);
        for (int i = 0; i < 3; i++) assertThat(limiter.take(limit).granted()).isTrue();
        Decision refused = limiter.take(limit);
        assertThat(refused.granted()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(20);
        // WHEN 20 s pass THEN exactly one token is back
        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.take(limit).granted()).isTrue();
        assertThat(limiter.take(limit).granted()).isFalse();
        // AND after an idle hour the bucket is full again, not fuller
        clock.advance(Duration.ofHours(1));
        int granted = 0;
        while (limiter.take(limit).granted()) granted++;
        assertThat(granted).isEqualTo(3);
    }

    @Test
    void aRefusalByALaterBucketGivesBackTheEarlierTokens() {
        // GIVEN a session bucket of 60 and a tenant bucket of 1, both empty of history
        DynamoRateLimiter limiter = new DynamoRateLimiter(dynamo, table, Clock.fixed(NOW, ZoneOffset.UTC));
        String t = tenant();
        Limit session = Limit.of(t, "session", "s1", 60);
        Limit tenantWide = Limit.of(t, "tenant", "all", 1);
        assertThat(limiter.acquire(List.of(session, tenantWide)).granted()).isTrue();
        // WHEN the tenant bucket refuses the next ten requests
        for (int i = 0; i < 10; i++) {
            Decision d = limiter.acquire(List.of(session, tenantWide));
            assertThat(d.granted()).isFalse();
            assertThat(d.bucketKey()).isEqualTo(tenantWide.bucketKey());
        }
        // THEN the session bucket was charged only for the granted one
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("bucketKey", AttributeValue.fromS(session.bucketKey())))).item();
        long nowMicros = NOW.getEpochSecond() * 1_000_000L;
        assertThat(Long.parseLong(item.get("tat").n())).isEqualTo(nowMicros + session.intervalMicros());
        // AND the item expires by itself (TTL attribute in epoch seconds)
        assertThat(Long.parseLong(item.get("expiresAt").n())).isGreaterThan(NOW.getEpochSecond());
        assertThat(session.bucketKey()).startsWith(t + "#session#");
    }
}
