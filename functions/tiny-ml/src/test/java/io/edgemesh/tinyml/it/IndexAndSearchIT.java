package io.edgemesh.tinyml.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.events.DocumentClean;
import io.edgemesh.events.DocumentDeleted;
import io.edgemesh.events.DocumentIndexed;
import io.edgemesh.events.DocumentRemoved;
import io.edgemesh.events.EdgeMeshEvent;
import io.edgemesh.events.ReceivedEvent;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.tinyml.IndexerHandler;
import io.edgemesh.tinyml.TestPdfs;
import io.edgemesh.tinyml.TinyMlWiring;
import io.edgemesh.tinyml.index.IndexVersion;
import io.edgemesh.tinyml.index.VersionStore;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The indexer and search handlers against the embedded servers, with the three-page handbook PDF
 * (page 2: "The turquoise walrus guarantee: unworn merchandise sent back within 45 days is reimbursed in
 * full to the original card.").
 */
class IndexAndSearchIT {
    private static final String PHRASE = "turquoise walrus guarantee";
    /** Means the page-2 passage but shares none of its words (nor its heading's) after analysis. */
    private static final String PARAPHRASE = "How do I get my money for clothes I did not wear?";

    private static TinyMlFixture fx;

    @BeforeAll
    static void start() {
        fx = new TinyMlFixture();
    }

    private static String newTenant() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static DocumentClean clean(String tenant, String doc, String key, byte[] pdf) throws Exception {
        return new DocumentClean(tenant, doc, fx.bucket("uploads"), key, doc + ".pdf", "application/pdf", pdf.length, sha256(pdf));
    }

    private static Map<String, Object> query(String q, int k, String mode) {
        return Map.of("query", q, "k", k, "mode", mode);
    }

    private static long n(Map<String, AttributeValue> item, String attr) {
        return Long.parseLong(item.get(attr).n());
    }

    private static void assertNoFailures(SQSBatchResponse r) {
        assertThat(r.getBatchItemFailures()).as("batch item failures").isEmpty();
    }

    @Test
    void givenACleanPdf_whenTheIndexerHandlesItsEvent_thenTheDocumentIsReadyVersion1IsCommittedAndSearchFindsPage2() throws Exception {
        // GIVEN a clean three-page PDF of a new tenant
        String tenant = newTenant();
        byte[] pdf = TestPdfs.handbook();
        String key = fx.upload(tenant, "handbook", pdf, "CLEAN");

        // WHEN its DocumentClean event goes through the queue to the indexer
        assertNoFailures(fx.deliver(fx.indexer, clean(tenant, "handbook", key, pdf)));

        // THEN the documents row is ready with what indexing found
        Map<String, AttributeValue> row = fx.documentRow(tenant, "handbook");
        assertThat(row.get("status").s()).isEqualTo("ready");
        assertThat(n(row, "pages")).isEqualTo(3);
        assertThat(n(row, "chunkCount")).isGreaterThanOrEqualTo(3);
        assertThat(row.get("language").s()).isEqualTo("en");
        assertThat(n(row, "indexVersion")).isEqualTo(1);
        // AND version 1 is the tenant's current version, with its files and manifest in S3
        Map<String, AttributeValue> version = fx.versionRow(tenant);
        assertThat(n(version, "version")).isEqualTo(1);
        String versionId = version.get("versionId").s();
        assertThat(versionId).startsWith("1-");
        assertThat(version.get("manifestKey").s()).isEqualTo("tenants/" + tenant + "/index/" + versionId + "/manifest.json");
        assertThat(fx.indexKeys(tenant)).contains(version.get("manifestKey").s()).hasSizeGreaterThan(1)
                .allMatch(k -> k.startsWith("tenants/" + tenant + "/index/" + versionId + "/"));
        // AND readiness was told
        assertThat(fx.tenantEvents(tenant)).extracting(ReceivedEvent::data).containsExactly(
                new DocumentIndexed(tenant, "handbook", 1, (int) n(row, "chunkCount"),
                        ((DocumentIndexed) fx.tenantEvents(tenant).get(0).data()).indexedAt()));

        // AND search returns the page-2 passage for the phrase, in every mode
        for (String mode : List.of("bm25", "vector", "hybrid")) {
            JsonNode r = fx.invokeSearch(tenant, query(PHRASE, 3, mode));
            assertThat(r.path("status").asInt()).as(mode).isEqualTo(200);
            JsonNode top = r.path("body").path("results").get(0);
            assertThat(top.path("page").asInt()).as(mode).isEqualTo(2);
            assertThat(top.path("text").asText()).as(mode).contains("turquoise walrus guarantee");
            assertThat(top.path("documentId").asText()).isEqualTo("handbook");
            assertThat(top.path("filename").asText()).isEqualTo("handbook.pdf");
        }
    }

    @Test
    void givenAQuestionSharingNoWordWithThePassage_whenSearchedInHybridMode_thenThePage2PassageComesFirst() throws Exception {
        String tenant = newTenant();
        byte[] pdf = TestPdfs.handbook();
        assertNoFailures(fx.deliver(fx.indexer, clean(tenant, "handbook", fx.upload(tenant, "handbook", pdf, "CLEAN"), pdf)));

        JsonNode lexical = fx.invokeSearch(tenant, query(PARAPHRASE, 5, "bm25")).path("body").path("results");
        JsonNode hybrid = fx.invokeSearch(tenant, query(PARAPHRASE, 1, "hybrid")).path("body").path("results");

        // the words alone do not reach the passage...
        for (JsonNode h : lexical) assertThat(h.path("text").asText()).doesNotContain("walrus");
        // ...the meaning does
        assertThat(hybrid).hasSize(1);
        assertThat(hybrid.get(0).path("page").asInt()).isEqualTo(2);
        assertThat(hybrid.get(0).path("text").asText()).contains("reimbursed");
    }

    @Test
    void givenAnIndexedDocument_whenItsEventIsRedelivered_thenNothingChanges() throws Exception {
        String tenant = newTenant();
        byte[] pdf = TestPdfs.handbook();
        String key = fx.upload(tenant, "handbook", pdf, "CLEAN");
        DocumentClean event = clean(tenant, "handbook", key, pdf);
        assertNoFailures(fx.deliver(fx.indexer, event));
        Map<String, AttributeValue> before = fx.versionRow(tenant);
        Map<String, AttributeValue> rowBefore = fx.documentRow(tenant, "handbook");
        List<String> filesBefore = fx.indexKeys(tenant);

        assertNoFailures(fx.deliver(fx.indexer, event));

        assertThat(fx.versionRow(tenant)).isEqualTo(before);
        assertThat(fx.indexKeys(tenant)).isEqualTo(filesBefore);
        assertThat(fx.documentRow(tenant, "handbook")).isEqualTo(rowBefore);
        // the repeated DocumentIndexed carries the same (document, version), deduplicated by the FIFO queue
        assertThat(fx.tenantEvents(tenant)).hasSize(1);
    }

    @Test
    void givenACrashBetweenUploadAndCommit_whenTheEventIsRetried_thenThePreviousVersionServedMeanwhileAndTheRetryCompletes() throws Exception {
        // GIVEN a tenant at version 1 with one document
        String tenant = newTenant();
        byte[] first = TestPdfs.handbook();
        assertNoFailures(fx.deliver(fx.indexer, clean(tenant, "handbook", fx.upload(tenant, "handbook", first, "CLEAN"), first)));
        // AND an indexer whose process dies after uploading the next version, before committing it, once
        AtomicBoolean crashed = new AtomicBoolean();
        TinyMlWiring wiring = new TinyMlWiring(fx.config(EdgeMeshResources.INDEXER.name()),
                io.edgemesh.common.aws.AwsClients.from(fx.config(EdgeMeshResources.INDEXER.name())));
        VersionStore real = wiring.versionStore();
        VersionStore crashingOnce = new VersionStore() {
            @Override
            public Optional<IndexVersion> current(String tenantId) {
                return real.current(tenantId);
            }

            @Override
            public void advance(long expectedVersion, IndexVersion next) {
                if (crashed.compareAndSet(false, true)) throw new IllegalStateException("simulated crash before the commit");
                real.advance(expectedVersion, next);
            }
        };
        IndexerHandler fragile = new IndexerHandler(wiring.documentIndexer(crashingOnce));
        byte[] second = TestPdfs.build(List.of(new TestPdfs.Page("Warranty", List.of(
                "Every zeppelin lantern carries a warranty of seven years against manufacturing defects."))));

        // WHEN the second document's event hits the crash
        SQSBatchResponse failed = fx.deliver(fragile, clean(tenant, "warranty", fx.upload(tenant, "warranty", second, "CLEAN"), second));

        // THEN the message is handed back for a retry, version 1 still serves, and the orphan upload is invisible
        assertThat(failed.getBatchItemFailures()).hasSize(1);
        assertThat(crashed).isTrue();
        assertThat(n(fx.versionRow(tenant), "version")).isEqualTo(1);
        String v1 = fx.versionRow(tenant).get("versionId").s();
        assertThat(fx.indexKeys(tenant)).anyMatch(k -> k.contains("/index/2-"));
        assertThat(fx.invokeSearch(tenant, query("zeppelin lantern warranty", 5, "bm25")).path("body").path("results")).isEmpty();
        assertThat(fx.invokeSearch(tenant, query(PHRASE, 1, "bm25")).path("body").path("results").get(0).path("page").asInt()).isEqualTo(2);
        assertThat(fx.documentRow(tenant, "warranty").get("status").s()).isEqualTo("indexing");

        // WHEN the queue delivers it again
        assertNoFailures(fx.redeliverPending(fragile));

        // THEN version 2 holds both documents and the document is ready
        Map<String, AttributeValue> v = fx.versionRow(tenant);
        assertThat(n(v, "version")).isEqualTo(2);
        assertThat(fx.documentRow(tenant, "warranty").get("status").s()).isEqualTo("ready");
        assertThat(fx.invokeSearch(tenant, query("zeppelin lantern warranty", 1, "bm25")).path("body").path("results").get(0)
                .path("documentId").asText()).isEqualTo("warranty");
        assertThat(fx.invokeSearch(tenant, query(PHRASE, 1, "bm25")).path("body").path("results").get(0)
                .path("documentId").asText()).isEqualTo("handbook");
        // AND only the committed versions remain in S3 (the orphan of the crash is gone)
        String v2 = v.get("versionId").s();
        assertThat(fx.indexKeys(tenant)).allMatch(k -> k.contains("/index/" + v1 + "/") || k.contains("/index/" + v2 + "/"));
    }

    @Test
    void givenAnIndexedDocument_whenItIsDeleted_thenANewVersionHasNoneOfItsChunksAndReadinessIsTold() throws Exception {
        String tenant = newTenant();
        byte[] pdf = TestPdfs.handbook();
        assertNoFailures(fx.deliver(fx.indexer, clean(tenant, "handbook", fx.upload(tenant, "handbook", pdf, "CLEAN"), pdf)));
        assertThat(fx.invokeSearch(tenant, query(PHRASE, 5, "hybrid")).path("body").path("results")).isNotEmpty();

        assertNoFailures(fx.deliver(fx.indexer, new DocumentDeleted(tenant, "handbook", "sk_test")));

        assertThat(n(fx.versionRow(tenant), "version")).isEqualTo(2);
        assertThat(fx.versionRow(tenant).get("documents").l()).isEmpty();
        for (String mode : List.of("bm25", "vector", "hybrid")) {
            assertThat(fx.invokeSearch(tenant, query(PHRASE, 5, mode)).path("body").path("results")).as(mode).isEmpty();
        }
        List<ReceivedEvent<EdgeMeshEvent>> events = fx.tenantEvents(tenant);
        assertThat(events.get(events.size() - 1).data()).isEqualTo(new DocumentRemoved(tenant, "handbook", 2));
    }

    @Test
    void givenADocumentNotTaggedClean_whenItsEventArrives_thenItIsRefusedAndNothingIsIndexed() throws Exception {
        String tenant = newTenant();
        byte[] pdf = TestPdfs.handbook();
        String key = fx.upload(tenant, "suspect", pdf, "IN_PROGRESS");

        SQSBatchResponse r = fx.deliver(fx.indexer, clean(tenant, "suspect", key, pdf));

        assertThat(r.getBatchItemFailures()).as("poison: left for the DLQ").hasSize(1);
        assertThat(fx.versionRow(tenant)).isEmpty();
        assertThat(fx.documentRow(tenant, "suspect").get("status").s()).isEqualTo("indexing");
        // leave the queue clean for the other tests: the refusal is permanent, so drain it here
        fx.emulators.sqs().purgeQueue(b -> b.queueUrl(fx.queue("index-requests.fifo")));
    }

    @Test
    void givenAnObjectSwappedAfterItsScan_whenItsEventArrives_thenItIsRefused() throws Exception {
        String tenant = newTenant();
        byte[] scanned = TestPdfs.handbook();
        byte[] swapped = TestPdfs.build(List.of(new TestPdfs.Page("Other", List.of("Not what the scanners saw."))));
        String key = fx.upload(tenant, "swapped", swapped, "CLEAN");

        SQSBatchResponse r = fx.deliver(fx.indexer, clean(tenant, "swapped", key, scanned));

        assertThat(r.getBatchItemFailures()).hasSize(1);
        assertThat(fx.versionRow(tenant)).isEmpty();
        fx.emulators.sqs().purgeQueue(b -> b.queueUrl(fx.queue("index-requests.fifo")));
    }
}
