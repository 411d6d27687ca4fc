package io.edgemesh.envelope.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgemesh.emulators.Emulators;
import io.edgemesh.envelope.Call;
import io.edgemesh.envelope.EnvelopeRejectedException;
import io.edgemesh.envelope.EnvelopeSigner;
import io.edgemesh.envelope.EnvelopeVerifier;
import io.edgemesh.envelope.KeyRing;
import io.edgemesh.envelope.KeySource;
import io.edgemesh.envelope.RejectReason;
import io.edgemesh.envelope.ReplayGuard;
import io.edgemesh.envelope.SignedMessage;
import io.edgemesh.envelope.TenantExtractor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The DynamoDB replay guard on DynamoDB Local, against the {@code replay-guard} table exactly as the
 * shared resource catalog provisions it.
 */
class DynamoDbReplayGuardIT {
    private static final String PREFIX = "envelope-it";
    private static DynamoDbClient dynamo;
    private static String table;
    private static ExecutorService pool;

    @BeforeAll
    static void provision() {
        Emulators emulators = Emulators.shared();
        table = emulators.provision(PREFIX).table("replay-guard");
        dynamo = emulators.dynamoDb();
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    private static Clock at(Instant t) { return Clock.fixed(t, ZoneOffset.UTC); }

    private static String tenant() { return "t-" + UUID.randomUUID(); }

    @Test
    void aNonceIsAcceptedOnceAndRefusedAfterwardsPerTenant() {
        // GIVEN a guard on the provisioned table
        ReplayGuard guard = ReplayGuard.dynamoDb(dynamo, table, Clock.systemUTC());
        String acme = tenant();
        String globex = tenant();
        long expiresAt = Instant.now().getEpochSecond() + 120;
        // WHEN the same request id arrives twice for one tenant and once for another
        // THEN only the first for each tenant is fresh
        assertThat(guard.firstSeen(acme, "req-1", expiresAt)).isTrue();
        assertThat(guard.firstSeen(acme, "req-1", expiresAt)).isFalse();
        assertThat(guard.firstSeen(globex, "req-1", expiresAt)).isTrue();
    }

    @Test
    void theItemIsKeyedByTenantAndRequestIdWithATtlBeyondExpiryAndTheSkewWindow() {
        ReplayGuard guard = ReplayGuard.dynamoDb(dynamo, table, Clock.systemUTC());
        String acme = tenant();
        long expiresAt = Instant.now().getEpochSecond() + 120;
        guard.firstSeen(acme, "req-2", expiresAt);
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("nonceKey", AttributeValue.fromS(acme + "#req-2")))).item();
        assertThat(item.get("tenantId").s()).isEqualTo(acme);
        assertThat(Long.parseLong(item.get("expiresAt").n())).isEqualTo(expiresAt + 300 + 60);
    }

    @Test
    void theTableExpiresItemsOnTheAttributeTheGuardWrites() {
        var ttl = dynamo.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(ttl.attributeName()).isEqualTo(DynamoDbReplayGuard.TTL);
    }

    @Test
    void aRecordPastItsTtlButNotYetSweptDoesNotBlockTheNonceForever() {
        // GIVEN a nonce recorded for an envelope that expired long ago (DynamoDB sweeps TTL lazily)
        Instant then = Instant.parse("2026-01-01T00:00:00Z");
        String acme = tenant();
        ReplayGuard past = ReplayGuard.dynamoDb(dynamo, table, at(then));
        assertThat(past.firstSeen(acme, "req-3", then.getEpochSecond() + 60)).isTrue();
        // WHEN the retention has passed THEN the record no longer counts
        ReplayGuard later = ReplayGuard.dynamoDb(dynamo, table, at(then.plusSeconds(60 + 360 + 1)));
        assertThat(later.firstSeen(acme, "req-3", then.getEpochSecond() + 60 + 361 + 60)).isTrue();
        // AND one second before it did
        String globex = tenant();
        assertThat(past.firstSeen(globex, "req-4", then.getEpochSecond() + 60)).isTrue();
        ReplayGuard justBefore = ReplayGuard.dynamoDb(dynamo, table, at(then.plusSeconds(60 + 360 - 1)));
        assertThat(justBefore.firstSeen(globex, "req-4", then.getEpochSecond() + 60)).isFalse();
    }

    @Test
    void concurrentDeliveriesOfOneNonceAdmitExactlyOne() throws Exception {
        // GIVEN eight Lambda instances receiving the same envelope at once
        ReplayGuard guard = ReplayGuard.dynamoDb(dynamo, table, Clock.systemUTC());
        String acme = tenant();
        long expiresAt = Instant.now().getEpochSecond() + 120;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<Boolean> attempt = () -> {
                go.await();
                return guard.firstSeen(acme, "req-race", expiresAt);
            };
            results.add(pool.submit(attempt));
        }
        go.countDown();
        int fresh = 0;
        for (Future<Boolean> f : results) fresh += f.get() ? 1 : 0;
        // THEN the conditional put lets exactly one through
        assertThat(fresh).isEqualTo(1);
    }

    @Test
    void twoVerifierInstancesSharingTheTableRefuseAReplayAcrossInstances() {
        // GIVEN two instances of the same target with their own verifiers, one table
        KeySource keys = KeySource.of(KeyRing.of("k1", Map.of("k1", new byte[32])));
        EnvelopeVerifier first = EnvelopeVerifier.builder("tiny-ml").hmac(keys)
                .replayGuard(ReplayGuard.dynamoDb(dynamo, table, Clock.systemUTC())).build();
        EnvelopeVerifier second = EnvelopeVerifier.builder("tiny-ml").hmac(keys)
                .replayGuard(ReplayGuard.dynamoDb(dynamo, table, Clock.systemUTC())).build();
        SignedMessage m = EnvelopeSigner.hmac(keys, Clock.systemUTC(), Duration.ofSeconds(60)).sign(
                new Call(tenant(), "orchestration", "tiny-ml", "search", UUID.randomUUID().toString(), null),
                "{}".getBytes(StandardCharsets.UTF_8));
        // WHEN the envelope reaches the first and is then replayed to the second
        first.verify(m.envelope(), m.body(), TenantExtractor.none());
        // THEN the second refuses it as a replay
        assertThatThrownBy(() -> second.verify(m.envelope(), m.body(), TenantExtractor.none()))
                .isInstanceOfSatisfying(EnvelopeRejectedException.class, e -> assertThat(e.reason()).isEqualTo(RejectReason.REPLAY));
    }
}
