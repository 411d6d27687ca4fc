package io.edgemesh.backbone.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgemesh.backbone.documents.Document;
import io.edgemesh.backbone.documents.DocumentService;
import io.edgemesh.backbone.documents.DocumentStatus;
import io.edgemesh.backbone.documents.DocumentStore;
import io.edgemesh.backbone.internal.FifoQueue;
import io.edgemesh.backbone.support.Backbone;
import io.edgemesh.backbone.support.MutableClock;
import io.edgemesh.backbone.support.RecordingAuditPublisher;
import io.edgemesh.backbone.support.TestIds;
import io.edgemesh.backbone.tenants.NewTenant;
import io.edgemesh.backbone.tenants.ScanAction;
import io.edgemesh.backbone.tenants.Tenant;
import io.edgemesh.backbone.tenants.TenantPatch;
import io.edgemesh.backbone.tenants.TenantStore;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.events.DocumentDeleted;
import io.edgemesh.events.EdgeMeshEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Presigned uploads through S3Proxy with a real HTTP client, and the documents API on DynamoDB Local. */
class UploadsAndDocumentsIT {
    static final byte[] PDF = ("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    private final HttpClient http = HttpClient.newHttpClient();
    private final FunctionConfig config = Backbone.config();
    private final AwsClients aws = Backbone.aws();
    private final String bucket = config.bucket("uploads");
    private final RecordingAuditPublisher audit = new RecordingAuditPublisher();
    private MutableClock clock;
    private TenantStore tenants;
    private DocumentStore store;
    private UploadService uploads;
    private DocumentService documents;
    private Tenant tenant;

    @BeforeEach
    void setUp() {
        clock = MutableClock.atNow();
        tenants = new TenantStore(aws.dynamoDb(), config.table("tenants"));
        store = new DocumentStore(aws.dynamoDb(), config.table("documents"), config.table("scans"));
        uploads = new UploadService(store, aws.s3Presigner(), bucket, audit, Clock.systemUTC());
        documents = new DocumentService(store, aws.s3(), bucket, new FifoQueue(aws.sqs(), config.queueUrl("index-requests.fifo")),
                audit, clock);
        tenant = tenants.create(new NewTenant(TestIds.tenant("up"), "Uploader", List.of("https://up.example"))).tenant();
    }

    @Test
    void givenPresignedUrlWhenPdfIsPutWithTheSignedHeadersThenTheObjectLandsUnderTheTenantsIncomingPrefix() throws Exception {
        PresignedUpload p = uploads.create(tenant, new UploadRequest("../Q3 report.pdf", "application/pdf", PDF.length), "key1", "req-1");

        assertThat(p.upload().method()).isEqualTo("PUT");
        assertThat(p.upload().headers()).containsEntry("content-type", "application/pdf")
                .containsEntry("content-length", Integer.toString(PDF.length));
        assertThat(p.upload().expiresAt()).isBetween(clock.instant().plusSeconds(290), clock.instant().plusSeconds(310));
        HttpResponse<String> put = put(p, "application/pdf", PDF);

        assertThat(put.statusCode()).isEqualTo(200);
        byte[] stored = aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key("tenants/" + tenant.id() + "/incoming/" + p.documentId()))
                .asByteArray();
        assertThat(stored).isEqualTo(PDF);
        Document doc = documents.get(tenant.id(), p.documentId());
        assertThat(doc.status()).isEqualTo(DocumentStatus.AWAITING_UPLOAD);
        assertThat(doc.filename()).isEqualTo("Q3 report.pdf");
        assertThat(doc.sizeBytes()).isEqualTo(PDF.length);
        assertThat(audit.events).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("upload.requested");
            assertThat(e.resourceId()).isEqualTo(p.documentId());
        });
    }

    @Test
    void theDocumentRowCarriesTheTenantsScanPolicyForTheScanners() {
        tenants.update(tenant.id(), new TenantPatch(null, null, null, null, null,
                new TenantPatch.ScanPolicyPatch(null, 50, Map.of("javascript", ScanAction.REVIEW))));
        Tenant t = tenants.require(tenant.id());
        PresignedUpload p = uploads.create(t, new UploadRequest("a.pdf", "application/pdf", 10), "key1", "req-2");

        Map<String, AttributeValue> row = store.row(t.id(), p.documentId()).orElseThrow();
        assertThat(row.get("fileName").s()).isEqualTo("a.pdf");
        assertThat(row.get("sizeBytes").n()).isEqualTo("10");
        assertThat(row.get("maxUploadBytes").n()).isEqualTo(Long.toString(t.limits().maxUploadBytes()));
        assertThat(row.get("scanPolicy").m().get("maxPages").n()).isEqualTo("50");
        assertThat(row.get("scanPolicy").m().get("actions").m().get("javascript").s()).isEqualTo("review");
    }

    @Test
    void s3RefusesABodyOfAnotherTypeOrLength() throws Exception {
        PresignedUpload p = uploads.create(tenant, new UploadRequest("a.pdf", "application/pdf", PDF.length), "key1", "req-3");

        assertThat(put(p, "text/html", PDF).statusCode()).isEqualTo(403);
        byte[] longer = (new String(PDF, StandardCharsets.US_ASCII) + "<script>").getBytes(StandardCharsets.US_ASCII);
        assertThat(put(p, "application/pdf", longer).statusCode()).isEqualTo(403);
        assertThatThrownBy(() -> aws.s3().headObject(b -> b.bucket(bucket).key("tenants/" + tenant.id() + "/incoming/" + p.documentId())))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void givenExpiredUrlThenS3RefusesTheUploadAndTheDocumentFailsWhenRead() throws Exception {
        UploadService shortLived = new UploadService(store, aws.s3Presigner(), bucket, audit, Clock.systemUTC(), Duration.ofSeconds(1));
        PresignedUpload p = shortLived.create(tenant, new UploadRequest("late.pdf", "application/pdf", PDF.length), "key1", "req-4");
        Thread.sleep(2_100);

        assertThat(put(p, "application/pdf", PDF).statusCode()).isEqualTo(403);
        assertThat(documents.get(tenant.id(), p.documentId()).status()).isEqualTo(DocumentStatus.AWAITING_UPLOAD);
        clock.advance(Duration.ofMinutes(1));
        Document doc = documents.get(tenant.id(), p.documentId());
        assertThat(doc.status()).isEqualTo(DocumentStatus.FAILED);
        assertThat(doc.reasons()).containsExactly("upload_expired");
    }

    @Test
    void refusesWhatTheTenantsPolicyAndLimitsDoNotAllowWithClearCodes() {
        assertApi(() -> uploads.create(tenant, new UploadRequest("a.exe", "application/x-msdownload", 10), "k", "r"), 415, "unsupported_media_type");
        assertApi(() -> uploads.create(tenant, new UploadRequest("a.txt", "text/plain", 10), "k", "r"), 415, "type_not_allowed");
        assertApi(() -> uploads.create(tenant, new UploadRequest("a.pdf", "application/pdf", 0), "k", "r"), 400, "invalid_request");
        assertApi(() -> uploads.create(tenant, new UploadRequest("a.pdf", "application/pdf", tenant.limits().maxUploadBytes() + 1), "k", "r"),
                413, "payload_too_large");
        Tenant small = tenants.update(tenant.id(), new TenantPatch(null, null, null, new TenantPatch.LimitsPatch(null, 1, null, null), null, null));
        uploads.create(small, new UploadRequest("one.pdf", "application/pdf", 10), "k", "r");
        assertApi(() -> uploads.create(small, new UploadRequest("two.pdf", "application/pdf", 10), "k", "r"), 409, "conflict");
    }

    @Test
    void givenFiftyConcurrentUploadsForTwoTenantsThenEveryObjectAndRowBelongsToItsTenant() throws Exception {
        Tenant second = tenants.create(new NewTenant(TestIds.tenant("up2"), "Second", List.of("https://up2.example"))).tenant();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<String[]>> futures = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Tenant owner = i % 2 == 0 ? tenant : second;
                byte[] body = ("%PDF-1.7\n% " + owner.id() + " " + i + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
                futures.add(pool.submit(() -> {
                    PresignedUpload p = uploads.create(owner, new UploadRequest("f.pdf", "application/pdf", body.length), "k", null);
                    int status = put(p, "application/pdf", body).statusCode();
                    return new String[] {owner.id(), p.documentId(), Integer.toString(status)};
                }));
            }
            for (var f : futures) {
                String[] r = f.get();
                assertThat(r[2]).isEqualTo("200");
                String stored = aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key("tenants/" + r[0] + "/incoming/" + r[1])).asUtf8String();
                assertThat(stored).contains("% " + r[0] + " ");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(documents.list(tenant.id(), "100", null).documents()).hasSize(25);
        assertThat(documents.list(second.id(), "100", null).documents()).hasSize(25);
    }

    @Test
    void anExpiredUploadNoLongerCountsAgainstTheDocumentLimit() throws Exception {
        Tenant one = tenants.update(tenant.id(), new TenantPatch(null, null, null, new TenantPatch.LimitsPatch(null, 1, null, null), null, null));
        new UploadService(store, aws.s3Presigner(), bucket, audit, Clock.systemUTC(), Duration.ofSeconds(1))
                .create(one, new UploadRequest("never.pdf", "application/pdf", 10), "k", "r");
        UploadService later = new UploadService(store, aws.s3Presigner(), bucket, audit, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2)));

        assertThat(later.create(one, new UploadRequest("next.pdf", "application/pdf", 10), "k", "r").documentId()).startsWith("doc_");
    }

    @Test
    void listsGetsAndDeletesOnlyTheTenantsOwnDocuments() throws Exception {
        PresignedUpload a = uploads.create(tenant, new UploadRequest("a.pdf", "application/pdf", PDF.length), "key1", "r1");
        PresignedUpload b = uploads.create(tenant, new UploadRequest("b.pdf", "application/pdf", PDF.length), "key1", "r2");
        assertThat(put(a, "application/pdf", PDF).statusCode()).isEqualTo(200);
        Tenant other = tenants.create(new NewTenant(TestIds.tenant("other"), "Other", List.of("https://o.example"))).tenant();

        var page1 = documents.list(tenant.id(), "1", null);
        var page2 = documents.list(tenant.id(), "1", page1.nextCursor());
        assertThat(List.of(page1.documents().get(0).documentId(), page2.documents().get(0).documentId()))
                .containsExactlyInAnyOrder(a.documentId(), b.documentId());
        assertThat(documents.list(other.id(), null, null).documents()).isEmpty();
        assertApi(() -> documents.get(other.id(), a.documentId()), 404, "not_found");
        assertApi(() -> documents.delete(other.id(), a.documentId(), "k", "r"), 404, "not_found");
        assertApi(() -> documents.list(tenant.id(), "1", "not-a-cursor"), 400, "invalid_request");
        assertApi(() -> documents.list(tenant.id(), "0", null), 400, "invalid_request");

        documents.delete(tenant.id(), a.documentId(), "key1", "r3");

        assertApi(() -> documents.get(tenant.id(), a.documentId()), 404, "not_found");
        assertThatThrownBy(() -> aws.s3().headObject(x -> x.bucket(bucket).key("tenants/" + tenant.id() + "/incoming/" + a.documentId())))
                .isInstanceOf(NoSuchKeyException.class);
        assertThat(deletedEventsFor(a.documentId())).containsExactly(tenant.id());
        assertThat(audit.events).extracting(e -> e.action()).contains("document.deleted");
        assertThat(documents.get(tenant.id(), b.documentId()).status()).isEqualTo(DocumentStatus.AWAITING_UPLOAD);
    }

    @Test
    void getShowsEachScannersVerdictWithReasons() {
        PresignedUpload p = uploads.create(tenant, new UploadRequest("js.pdf", "application/pdf", 10), "k", "r");
        // as Layer 3 writes them: a scans-table row per scanner and the aggregate on the document row
        aws.dynamoDb().putItem(b -> b.tableName(config.table("scans")).item(Map.of(
                "tenantId", AttributeValue.fromS(tenant.id()), "scanId", AttributeValue.fromS(p.documentId() + "#scan-active-content"),
                "scanner", AttributeValue.fromS("scan-active-content"), "verdict", AttributeValue.fromS("BLOCK"),
                "scannedAt", AttributeValue.fromS("2026-11-22T10:00:00Z"),
                "findings", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("code", AttributeValue.fromS("active.javascript"),
                        "category", AttributeValue.fromS("JAVASCRIPT"), "reason", AttributeValue.fromS("JavaScript in OpenAction"),
                        "action", AttributeValue.fromS("BLOCK"))))))));
        aws.dynamoDb().updateItem(b -> b.tableName(config.table("documents"))
                .key(Map.of("tenantId", AttributeValue.fromS(tenant.id()), "documentId", AttributeValue.fromS(p.documentId())))
                .updateExpression("SET #s = :q, reasons = :r").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":q", AttributeValue.fromS("quarantined"),
                        ":r", AttributeValue.fromL(List.of(AttributeValue.fromS("active.javascript"))))));

        Document doc = documents.get(tenant.id(), p.documentId());

        assertThat(doc.status()).isEqualTo(DocumentStatus.QUARANTINED);
        assertThat(doc.reasons()).containsExactly("active.javascript");
        assertThat(doc.scanners()).singleElement().satisfies(v -> {
            assertThat(v.scanner()).isEqualTo("scan-active-content");
            assertThat(v.verdict()).isEqualTo("BLOCK");
            assertThat(v.findings()).singleElement().satisfies(f -> {
                assertThat(f.category()).isEqualTo("javascript");
                assertThat(f.action()).isEqualTo("block");
                assertThat(f.reason()).contains("OpenAction");
            });
        });
    }

    private HttpResponse<String> put(PresignedUpload p, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(p.upload().url())).header("content-type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Tenants of the DocumentDeleted events for a document on the index queue (consumed). */
    private List<String> deletedEventsFor(String documentId) {
        String url = config.queueUrl("index-requests.fifo");
        List<String> tenantsSeen = new java.util.ArrayList<>();
        for (int i = 0; i < 5 && tenantsSeen.isEmpty(); i++) {
            var msgs = aws.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            for (var m : msgs) {
                var e = EdgeMeshEvents.parse(m.body());
                if (e instanceof DocumentDeleted d && d.documentId().equals(documentId)) tenantsSeen.add(d.tenantId());
                aws.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
        return tenantsSeen;
    }

    private static void assertApi(Runnable r, int status, String code) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
