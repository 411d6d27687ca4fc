package io.edgemesh.backbone.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.backbone.audit.internal.ChainStore;
import io.edgemesh.backbone.audit.internal.RecordObjects;
import io.edgemesh.common.Json;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.Logger;
import io.edgemesh.events.AuditEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Appends audit events to per-tenant hash chains and reads them back.
 *
 * <p>Append: read the head; if the event was appended before (redelivery), make sure its object is
 * written and stop; else seal the next record on the head, advance head and event marker in one
 * conditional transaction, then write the object. A crash between the transaction and the object
 * write leaves the marker, so the redelivered message completes the write with the same bytes.
 * Messages of one tenant come through a FIFO group one at a time; the conditional head write is
 * what keeps the chain linear even if two appenders ever overlap.
 */
public final class AuditLog {
    /** Verification reads at most this many records; older ones are covered by earlier full checks. */
    public static final int MAX_VERIFY = 500;
    private static final int APPEND_ATTEMPTS = 6;
    private static final Logger LOG = Log.get(AuditLog.class);

    private final ChainStore chain;
    private final RecordObjects objects;
    private final Clock clock;

    public AuditLog(DynamoDbClient dynamo, String chainTable, S3Client s3, String auditBucket, Clock clock) {
        this.chain = new ChainStore(dynamo, chainTable);
        this.objects = new RecordObjects(s3, auditBucket);
        this.clock = clock;
    }

    /** The record for the event: new, or the one appended when it was first delivered. */
    public AuditRecord append(AuditEvent event) {
        for (int attempt = 1; attempt <= APPEND_ATTEMPTS; attempt++) {
            Optional<String> existing = chain.appended(event.tenantId(), event.auditId());
            if (existing.isPresent()) {
                AuditRecord r = Json.convert(Json.parse(existing.get()), AuditRecord.class);
                objects.put(r.tenantId(), r.seq(), existing.get());
                LOG.info("audit event already chained; record write ensured", "auditId", event.auditId(), "seq", r.seq());
                return r;
            }
            ChainStore.Head head = chain.head(event.tenantId());
            AuditRecord record = AuditChain.seal(event, head.seq(), head.seq() == 0 ? AuditChain.GENESIS : head.hash());
            String json = AuditChain.toJson(record);
            if (chain.advance(event.tenantId(), head, record.seq(), record.hash(), event.auditId(), json, clock.instant())) {
                objects.put(record.tenantId(), record.seq(), json);
                LOG.info("audit record chained", "auditId", event.auditId(), "seq", record.seq(), "type", record.type());
                return record;
            }
            backOff(attempt);
        }
        throw new IllegalStateException("audit chain of " + event.tenantId() + " kept moving; the message will be retried");
    }

    /** Lost a race for the head: wait a random, growing while so racing appenders spread out. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while appending to the audit chain", e);
        }
    }

    /** The newest {@code limit} records, newest first; unreadable or missing ones are skipped (verification reports them). */
    public List<AuditRecord> recent(String tenantId, int limit) {
        long head = chain.head(tenantId).seq();
        List<AuditRecord> out = new ArrayList<>();
        for (long seq = head; seq >= 1 && out.size() < limit; seq--) {
            objects.get(tenantId, seq).ifPresent(json -> {
                try {
                    out.add(Json.convert(Json.parse(json), AuditRecord.class));
                } catch (RuntimeException e) {
                    LOG.warn("audit record unreadable", "tenantId", tenantId, "problem", e.getMessage());
                }
            });
        }
        return out;
    }

    /**
     * Recomputes the chain: from record 1 when the chain has at most {@link #MAX_VERIFY} records,
     * else the newest {@link #MAX_VERIFY}, anchored at the record before them.
     */
    public ChainVerification verify(String tenantId) {
        ChainStore.Head head = chain.head(tenantId);
        long from = Math.max(1, head.seq() - MAX_VERIFY + 1);
        String anchor = AuditChain.GENESIS;
        if (from > 1) {
            anchor = objects.get(tenantId, from - 1).map(j -> {
                try {
                    JsonNode n = Json.parse(j);
                    return n.path("hash").asText(null);
                } catch (RuntimeException e) {
                    return null;
                }
            }).orElse(null);
        }
        List<Optional<String>> stored = new ArrayList<>();
        for (long seq = from; seq <= head.seq(); seq++) stored.add(objects.get(tenantId, seq));
        return AuditChain.verify(tenantId, from, stored, anchor, head.seq(), head.hash());
    }
}
