package io.edgemesh.backbone.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.backbone.audit.internal.RecordObjects;
import io.edgemesh.backbone.support.Backbone;
import io.edgemesh.backbone.support.TestIds;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.events.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** The audit chain on DynamoDB Local and S3Proxy: appends, idempotency, races, tamper detection. */
class AuditLogIT {
    private final FunctionConfig config = Backbone.config();
    private final String bucket = config.bucket("audit");
    private AuditLog log;
    private String tenant;

    @BeforeEach
    void setUp() {
        log = new AuditLog(Backbone.aws().dynamoDb(), config.table("audit-chain"), Backbone.aws().s3(), bucket, Clock.systemUTC());
        tenant = TestIds.tenant("audit");
    }

    @Test
    void givenSeveralEventsThenTheyChainInOrderAndVerify() {
        for (int i = 1; i <= 4; i++) log.append(event("e" + i, "tenant.updated"));

        List<AuditRecord> recent = log.recent(tenant, 10);
        assertThat(recent).extracting(AuditRecord::seq).containsExactly(4L, 3L, 2L, 1L);
        assertThat(recent).extracting(AuditRecord::eventId).containsExactly("e4", "e3", "e2", "e1");
        assertThat(log.verify(tenant)).satisfies(v -> {
            assertThat(v.valid()).isTrue();
            assertThat(v.headSeq()).isEqualTo(4);
            assertThat(v.scope()).isEqualTo("full");
        });
        String stored = Backbone.aws().s3().getObjectAsBytes(b -> b.bucket(bucket).key(RecordObjects.key(tenant, 1))).asUtf8String();
        assertThat(RecordObjects.key(tenant, 1)).isEqualTo("tenants/" + tenant + "/audit/0000000000000001.json");
        assertThat(stored).contains("\"prevHash\":\"" + AuditChain.GENESIS + "\"");
    }

    @Test
    void givenRedeliveredEventThenNoSecondRecord() {
        AuditRecord first = log.append(event("same", "document.quarantined"));
        AuditRecord again = log.append(event("same", "document.quarantined"));

        assertThat(again).isEqualTo(first);
        assertThat(log.verify(tenant).headSeq()).isEqualTo(1);
    }

    @Test
    void givenObjectLostAfterTheChainAdvancedThenRedeliveryWritesItAgain() {
        AuditRecord r = log.append(event("lost", "key.rotated"));
        Backbone.aws().s3().deleteObject(b -> b.bucket(bucket).key(RecordObjects.key(tenant, r.seq())));
        assertThat(log.verify(tenant).problem()).isEqualTo("missing");

        log.append(event("lost", "key.rotated"));

        assertThat(log.verify(tenant).valid()).isTrue();
    }

    @Test
    void givenConcurrentAppendersThenTheChainStaysLinearWithoutGaps() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<AuditRecord>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String id = "c" + i;
                futures.add(pool.submit(() -> appendLikeSqs(event(id, "upload.requested"))));
            }
            for (Future<AuditRecord> f : futures) f.get();
        } finally {
            pool.shutdownNow();
        }

        ChainVerification v = log.verify(tenant);
        assertThat(v.valid()).isTrue();
        assertThat(v.headSeq()).isEqualTo(16);
        assertThat(log.recent(tenant, 100)).extracting(AuditRecord::eventId).doesNotHaveDuplicates().hasSize(16);
    }

    @Test
    void givenTamperedRecordThenVerificationNamesIt() {
        for (int i = 1; i <= 3; i++) log.append(event("t" + i, "document.deleted"));
        String key = RecordObjects.key(tenant, 2);
        String original = Backbone.aws().s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
        String forged = original.replace("\"outcome\":\"succeeded\"", "\"outcome\":\"failed\"");
        assertThat(forged).isNotEqualTo(original);
        Backbone.aws().s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(forged));

        ChainVerification v = log.verify(tenant);

        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(2);
        assertThat(v.problem()).isEqualTo("hash_mismatch");
    }

    /** A message whose append lost every race is redelivered by the queue; model that with a few retries. */
    private AuditRecord appendLikeSqs(AuditEvent e) {
        for (int delivery = 1; ; delivery++) {
            try {
                return log.append(e);
            } catch (IllegalStateException lost) {
                if (delivery == 5) throw lost;
            }
        }
    }

    private AuditEvent event(String id, String action) {
        return new AuditEvent(tenant, id, action, "admin", null, "succeeded", Instant.now(), Map.of("k", id));
    }
}
