package io.edgemesh.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.analysis.scan.TestPdfs;
import io.edgemesh.events.AuditEvent;
import io.edgemesh.events.DocumentClean;
import io.edgemesh.events.EdgeMeshEvent;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The four scanner handlers against DynamoDB Local, ElasticMQ and S3Proxy: final states, quarantine,
 * events, redelivery and duplicates, a scanner that keeps failing, hostile keys.
 */
class UploadScanningIT {

    private static ScannerHarness h;

    @BeforeAll
    static void start() {
        h = new ScannerHarness("it-scan", Map.of());
    }

    @BeforeEach
    void emptyQueues() {
        h.takeEvents("index-requests.fifo");
        h.takeEvents("audit-events.fifo");
    }

    @Test
    void cleanPdfIsReleasedOnceEvenWhenEveryMessageIsDeliveredTwice() throws Exception {
        // GIVEN a clean upload whose notification reaches every scanner queue twice (S3 may notify twice)
        byte[] pdf = TestPdfs.clean(3);
        h.upload("acme", "doc-clean", pdf);
        h.notifyAll("tenants/acme/incoming/doc-clean", pdf.length);
        // WHEN the scanners drain their queues
        h.drain();
        // THEN the document is released for indexing, with four clean verdicts written once
        assertThat(h.status("acme", "doc-clean")).isEqualTo("indexing");
        Map<String, AttributeValue> row = h.row("acme", "doc-clean");
        assertThat(row.get("decision").s()).isEqualTo("CLEAN");
        assertThat(row.get("scanStatus").s()).isEqualTo("CLEAN");
        assertThat(row.get("scanners").ss()).containsExactlyInAnyOrder("type", "active-content", "signatures", "secrets");
        assertThat(row.get("verdicts").m().values()).allSatisfy(v -> assertThat(v.m().get("verdict").s()).isEqualTo("CLEAN"));
        assertThat(h.scans("acme", "doc-clean")).hasSize(4);
        String decidedAt = row.get("decidedAt").s();
        String effectsAt = row.get("effectsAppliedAt").s();
        // AND exactly one document-clean event, grouped by tenant, carrying the scanned bytes' digest
        List<Map.Entry<String, EdgeMeshEvent>> index = h.takeEvents("index-requests.fifo");
        assertThat(index).hasSize(1);
        assertThat(index.get(0).getKey()).isEqualTo("acme");
        DocumentClean clean = (DocumentClean) index.get(0).getValue();
        assertThat(clean.documentId()).isEqualTo("doc-clean");
        assertThat(clean.key()).isEqualTo("tenants/acme/incoming/doc-clean");
        assertThat(clean.sha256()).isEqualTo(row.get("sha256").s());
        assertThat(h.exists("tenants/acme/incoming/doc-clean")).isTrue();

        // WHEN the whole notification is delivered again later
        h.notifyAll("tenants/acme/incoming/doc-clean", pdf.length);
        h.drain();
        // THEN nothing changes: no second decision, no second event
        Map<String, AttributeValue> again = h.row("acme", "doc-clean");
        assertThat(again.get("decidedAt").s()).isEqualTo(decidedAt);
        assertThat(again.get("effectsAppliedAt").s()).isEqualTo(effectsAt);
        assertThat(h.takeEvents("index-requests.fifo")).isEmpty();
        assertThat(h.scans("acme", "doc-clean")).hasSize(4);
    }

    @Test
    void maliciousPdfsAreQuarantinedWithAReasonNamingWhatWasFound() throws Exception {
        // GIVEN four hostile uploads
        h.upload("acme", "doc-eicar", TestPdfs.compressedPayload(TestPdfs.eicar()));
        h.upload("acme", "doc-js", TestPdfs.javaScriptOpenAction());
        h.upload("acme", "doc-launch", TestPdfs.launchAction());
        h.upload("acme", "doc-attach", TestPdfs.embeddedFile("hello".getBytes(StandardCharsets.US_ASCII), "invoice.exe"));
        // WHEN scanned
        h.drain();
        // THEN each is quarantined, moved out of incoming, with the finding in its reasons
        Map<String, String> expected = Map.of("doc-eicar", "EICAR test signature", "doc-js", "JavaScript in OpenAction",
                "doc-launch", "Launch action", "doc-attach", "embedded file 'invoice.exe'");
        for (var e : expected.entrySet()) {
            String doc = e.getKey();
            assertThat(h.status("acme", doc)).as(doc).isEqualTo("quarantined");
            assertThat(h.reasons("acme", doc)).as(doc).anyMatch(r -> r.contains(e.getValue()));
            assertThat(h.attr("acme", doc, "quarantineKey")).contains("tenants/acme/quarantine/" + doc);
            assertThat(h.exists("tenants/acme/quarantine/" + doc)).as(doc).isTrue();
            assertThat(h.exists("tenants/acme/incoming/" + doc)).as(doc).isFalse();
            assertThat(h.attr("acme", doc, "scanStatus")).contains("INFECTED");
        }
        // AND one audit event per quarantined document, nothing for indexing
        List<AuditEvent> audits = h.takeEvents("audit-events.fifo").stream().map(e -> (AuditEvent) e.getValue()).toList();
        assertThat(audits).filteredOn(a -> a.action().equals("document.quarantined")).extracting(AuditEvent::resourceId)
                .containsExactlyInAnyOrder("doc-eicar", "doc-js", "doc-launch", "doc-attach");
        assertThat(h.takeEvents("index-requests.fifo")).isEmpty();
    }

    @Test
    void zeroByteTruncatedAndBombUploadsEndQuarantined() throws Exception {
        h.documentRow("acme", "doc-empty", "application/pdf", 0);
        h.putObject("tenants/acme/incoming/doc-empty", new byte[0]);
        h.notifyAll("tenants/acme/incoming/doc-empty", 0);
        h.upload("acme", "doc-truncated", TestPdfs.truncate(TestPdfs.clean(4)));
        h.upload("acme", "doc-bomb", TestPdfs.flateBomb(80 << 20));
        h.drain();
        assertThat(h.reasons("acme", "doc-empty")).anyMatch(r -> r.contains("empty"));
        assertThat(h.reasons("acme", "doc-truncated")).anyMatch(r -> r.contains("truncated"));
        assertThat(h.reasons("acme", "doc-bomb")).anyMatch(r -> r.contains("decompression bomb"));
        for (String doc : List.of("doc-empty", "doc-truncated", "doc-bomb")) {
            assertThat(h.status("acme", doc)).as(doc).isEqualTo("quarantined");
        }
    }

    @Test
    void objectWithoutADocumentRowIsTreatedAsHostile() throws Exception {
        // GIVEN an object under a valid key for which no upload URL was ever issued
        h.putObject("tenants/acme/incoming/doc-nobody", TestPdfs.clean(1));
        h.notifyAll("tenants/acme/incoming/doc-nobody", 100);
        h.drain();
        // THEN it is quarantined once, recorded and audited
        assertThat(h.status("acme", "doc-nobody")).isEqualTo("quarantined");
        assertThat(h.attr("acme", "doc-nobody", "origin")).contains("unissued_upload");
        assertThat(h.exists("tenants/acme/quarantine/doc-nobody")).isTrue();
        assertThat(h.exists("tenants/acme/incoming/doc-nobody")).isFalse();
        assertThat(h.takeEvents("audit-events.fifo")).extracting(e -> ((AuditEvent) e.getValue()).resourceId()).containsExactly("doc-nobody");
    }

    @Test
    void objectsOutsideTheIncomingPrefixAreIgnored() throws Exception {
        h.putObject("tenants/acme/exports/report.pdf", TestPdfs.clean(1));
        h.notifyAll("tenants/acme/exports/report.pdf", 100);
        h.drain();
        assertThat(h.exists("tenants/acme/exports/report.pdf")).isTrue();
        assertThat(h.row("acme", "report.pdf")).isNullOrEmpty();
        assertThat(h.count("scan-type-dlq")).isZero();
    }

    @Test
    void aNameThatCanNeverBeADocumentIdIsMovedAside() throws Exception {
        h.putObject("tenants/acme/incoming/nested/evil.pdf", TestPdfs.javaScriptOpenAction());
        h.notifyAll("tenants/acme/incoming/nested/evil.pdf", 100);
        h.drain();
        assertThat(h.exists("tenants/acme/incoming/nested/evil.pdf")).isFalse();
        assertThat(h.takeEvents("audit-events.fifo")).hasSize(1);
    }

    @Test
    void aScannerThatKeepsFailingEndsTheDocumentFailedWithTheMessageInTheDlq() throws Exception {
        // GIVEN a signature scanner whose clamd is down (nobody listens on the port)
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ScannerHarness broken = new ScannerHarness("it-scan-clamd", Map.of("EDGEMESH_CLAMD_ADDRESS", "127.0.0.1:" + port));
        broken.upload("globex", "doc-retry", TestPdfs.clean(1));
        // WHEN the queues are drained (three deliveries, then the DLQ)
        broken.drain();
        // THEN the document is failed with the reason, and the message waits in the DLQ
        assertThat(broken.status("globex", "doc-retry")).isEqualTo("failed");
        assertThat(broken.reasons("globex", "doc-retry")).anyMatch(r -> r.startsWith("signatures:") && r.contains("clamd"));
        assertThat(broken.count("scan-signatures-dlq")).isEqualTo(1);
        assertThat(broken.scans("globex", "doc-retry")).hasSize(4);
        assertThat(broken.attr("globex", "doc-retry", "scanStatus")).contains("ERROR");
    }

    @Test
    void objectTagsFollowTheVerdictWhereTheS3EndpointSupportsTagging() throws Exception {
        byte[] pdf = TestPdfs.clean(1);
        h.upload("acme", "doc-tagged", pdf);
        h.drain();
        boolean tagging;
        try {
            h.s3.getObjectTagging(b -> b.bucket(h.bucket).key("tenants/acme/incoming/doc-tagged"));
            tagging = true;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            tagging = e.statusCode() != 501;
        }
        Assumptions.assumeTrue(tagging, "S3Proxy 2.4.1 answers 501 to object tagging; the scan-status is checked on the "
                + "document row instead (scanStatus) in the other tests");
        assertThat(h.s3.getObjectTagging(b -> b.bucket(h.bucket).key("tenants/acme/incoming/doc-tagged")).tagSet())
                .anyMatch(t -> t.key().equals("scan-status") && t.value().equals("CLEAN"));
    }
}
