package io.edgemesh.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.analysis.scan.TestPdfs;
import io.edgemesh.events.DocumentClean;
import io.edgemesh.events.EdgeMeshEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Fifty uploads for two tenants at once, every notification delivered twice, four consumers in
 * parallel: every document reaches its final state, each tenant's data stays under its own keys, and
 * each clean document yields exactly one document-clean event in its tenant's group.
 */
class ConcurrentUploadsIT {

    @Test
    void fiftyConcurrentUploadsForTwoTenantsAllReachTheRightFinalState() throws Exception {
        ScannerHarness h = new ScannerHarness("it-scan-many", Map.of());
        byte[] clean = TestPdfs.clean(2);
        byte[] hostile = TestPdfs.javaScriptOpenAction();
        Map<String, String> expected = new HashMap<>();
        // GIVEN 25 uploads per tenant, every fifth one hostile, every notification sent twice
        for (String tenant : List.of("tenant-a", "tenant-b")) {
            for (int i = 0; i < 25; i++) {
                String doc = tenant + "-doc-" + i;
                boolean bad = i % 5 == 0;
                h.upload(tenant, doc, bad ? hostile : clean);
                expected.put(tenant + "/" + doc, bad ? "quarantined" : "indexing");
            }
        }
        for (String tenant : List.of("tenant-a", "tenant-b")) {
            for (int i = 0; i < 25; i++) {
                h.notifyAll("tenants/" + tenant + "/incoming/" + tenant + "-doc-" + i, 1);
            }
        }
        // WHEN the four scanners drain their queues concurrently
        h.drain();
        // THEN every document is in its final state under its own tenant
        Map<String, String> actual = new HashMap<>();
        for (String key : expected.keySet()) {
            String[] p = key.split("/");
            actual.put(key, h.status(p[0], p[1]));
        }
        assertThat(actual).isEqualTo(expected);
        for (String key : expected.keySet()) {
            String[] p = key.split("/");
            String where = "tenants/" + p[0] + "/" + ("quarantined".equals(expected.get(key)) ? "quarantine/" : "incoming/") + p[1];
            assertThat(h.exists(where)).as(where).isTrue();
            assertThat(h.scans(p[0], p[1])).as(key).hasSize(4);
        }
        // AND one document-clean event per clean document, in the right tenant's group
        List<Map.Entry<String, EdgeMeshEvent>> events = h.takeEvents("index-requests.fifo");
        List<String> cleanEvents = new ArrayList<>();
        for (var e : events) {
            DocumentClean c = (DocumentClean) e.getValue();
            assertThat(e.getKey()).isEqualTo(c.tenantId());
            assertThat(c.documentId()).startsWith(c.tenantId() + "-doc-");
            assertThat(c.key()).startsWith("tenants/" + c.tenantId() + "/incoming/");
            cleanEvents.add(c.tenantId() + "/" + c.documentId());
        }
        Set<String> expectedClean = expected.entrySet().stream().filter(e -> e.getValue().equals("indexing"))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(cleanEvents).hasSize(40).containsExactlyInAnyOrderElementsOf(expectedClean);
        assertThat(h.count("scan-type-dlq") + h.count("scan-active-content-dlq") + h.count("scan-signatures-dlq")
                + h.count("scan-secrets-dlq")).isZero();
    }
}
