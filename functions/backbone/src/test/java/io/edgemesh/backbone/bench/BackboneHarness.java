package io.edgemesh.backbone.bench;

import io.edgemesh.backbone.audit.AuditLog;
import io.edgemesh.backbone.documents.DocumentStore;
import io.edgemesh.backbone.support.Backbone;
import io.edgemesh.backbone.support.RecordingAuditPublisher;
import io.edgemesh.backbone.support.TestIds;
import io.edgemesh.backbone.tenants.ApiKeys;
import io.edgemesh.backbone.tenants.CreatedTenant;
import io.edgemesh.backbone.tenants.NewTenant;
import io.edgemesh.backbone.tenants.TenantLimits;
import io.edgemesh.backbone.tenants.TenantPatch;
import io.edgemesh.backbone.tenants.TenantStore;
import io.edgemesh.backbone.uploads.UploadRequest;
import io.edgemesh.backbone.uploads.UploadService;
import io.edgemesh.events.AuditEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Latency of Layer 7's hot and warm paths on the embedded servers (one thread, after warm-up):
 * secret-key hashing, key resolution from the cache and from DynamoDB Local, upload URL issue, audit
 * append and chain verification. Run with the test classpath:
 * {@code java -cp <cp> io.edgemesh.backbone.bench.BackboneHarness}. Prints a Markdown table.
 */
public final class BackboneHarness {
    private BackboneHarness() { }

    public static void main(String[] args) {
        var cfg = Backbone.config();
        var aws = Backbone.aws();
        TenantStore cached = new TenantStore(aws.dynamoDb(), cfg.table("tenants"));
        TenantStore uncached = new TenantStore(aws.dynamoDb(), cfg.table("tenants"), Clock.systemUTC(), Duration.ZERO);
        CreatedTenant t = cached.create(new NewTenant(TestIds.tenant("bench"), "Bench", List.of("https://bench.example")));
        String sk = t.secretKey();
        String pk = t.tenant().publishableKey();
        System.out.println("| operation | n | p50 | p99 |");
        System.out.println("|---|---|---|---|");

        String stored = ApiKeys.hash(sk);
        row("secret key SHA-256 + constant-time compare", 200_000, 20_000, () -> ApiKeys.matches(sk, stored) ? 1 : 0);
        row("resolveSecret, cache hit", 200_000, 20_000, () -> cached.resolveSecret(sk).isPresent() ? 1 : 0);
        row("resolvePublishable, cache hit", 200_000, 20_000, () -> cached.resolvePublishable(pk).isPresent() ? 1 : 0);
        row("resolveSecret, DynamoDB Local (Query)", 500, 100, () -> uncached.resolveSecret(sk).isPresent() ? 1 : 0);
        row("resolvePublishable, DynamoDB Local (GetItem)", 500, 100, () -> uncached.resolvePublishable(pk).isPresent() ? 1 : 0);

        cached.update(t.tenant().id(), new TenantPatch(null, null, null,
                new TenantPatch.LimitsPatch(null, TenantLimits.MAX_DOCUMENTS_CEILING, null, null), null, null));
        var tenant = cached.require(t.tenant().id());
        DocumentStore docs = new DocumentStore(aws.dynamoDb(), cfg.table("documents"), cfg.table("scans"));
        UploadService uploads = new UploadService(docs, aws.s3Presigner(), cfg.bucket("uploads"), new RecordingAuditPublisher(),
                Clock.systemUTC());
        row("uploads.create (count, presign, put row), tenant with <=300 rows", 250, 50,
                () -> uploads.create(tenant, new UploadRequest("a.pdf", "application/pdf", 1000), "k", null).documentId().length());

        AuditLog audit = new AuditLog(aws.dynamoDb(), cfg.table("audit-chain"), aws.s3(), cfg.bucket("audit"), Clock.systemUTC());
        String chain = TestIds.tenant("chain");
        long[] n = {0};
        row("audit append (marker read, head read, transaction, S3 put)", 300, 50, () -> audit.append(new AuditEvent(chain,
                "e" + (n[0]++), "tenant.updated", "admin", null, "succeeded", Instant.now(), Map.of("i", n[0]))).seq());
        row("verify a 350-record chain", 5, 1, () -> audit.verify(chain).valid() ? 1 : 0);
        System.exit(0);
    }

    private static void row(String name, int measured, int warmup, LongSupplier op) {
        long sink = 0;
        for (int i = 0; i < warmup; i++) sink += op.getAsLong();
        long[] ns = new long[measured];
        for (int i = 0; i < measured; i++) {
            long s = System.nanoTime();
            sink += op.getAsLong();
            ns[i] = System.nanoTime() - s;
        }
        Arrays.sort(ns);
        System.out.printf("| %s | %d | %s | %s |%n", name, measured, fmt(ns[measured / 2]), fmt(ns[(int) Math.min(measured - 1, measured * 0.99)]));
        if (sink == Long.MIN_VALUE) System.out.println(sink);
    }

    private static String fmt(long ns) {
        if (ns < 10_000) return ns + " ns";
        if (ns < 1_000_000) return String.format("%.1f µs", ns / 1_000.0);
        return String.format("%.1f ms", ns / 1_000_000.0);
    }
}
