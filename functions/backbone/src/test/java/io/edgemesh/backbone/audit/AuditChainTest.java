package io.edgemesh.backbone.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgemesh.common.Json;
import io.edgemesh.events.AuditEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private final List<AuditRecord> chain = new ArrayList<>();
    private final List<Optional<String>> stored = new ArrayList<>();

    @BeforeEach
    void buildFiveRecords() {
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= 5; i++) {
            AuditRecord r = AuditChain.seal(new AuditEvent("acme", "evt-" + i, "tenant.updated", "admin", null, "succeeded",
                    Instant.parse("2026-11-22T10:00:0" + i + "Z"), Map.of("changed", List.of("name"), "n", i)), i - 1, prev);
            chain.add(r);
            stored.add(Optional.of(AuditChain.toJson(r)));
            prev = r.hash();
        }
    }

    @Test
    void givenFixtureHashedByAnIndependentImplementationThenTheCanonicalHashMatches() throws IOException {
        // record-1.json's hash was computed with Python: json.dumps(sort_keys=True, separators=(',',':'), ensure_ascii=False)
        String json;
        try (InputStream in = getClass().getResourceAsStream("/audit/record-1.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var node = Json.parse(json);
        assertThat(AuditChain.hashOf(node)).isEqualTo(node.get("hash").asText());
        assertThat(AuditChain.verify("acme", 1, List.of(Optional.of(json)), AuditChain.GENESIS, 1, node.get("hash").asText()).valid())
                .isTrue();
    }

    @Test
    void eachRecordPointsAtThePreviousHashAndTheFirstAtGenesis() {
        assertThat(chain.get(0).prevHash()).isEqualTo(AuditChain.GENESIS);
        for (int i = 1; i < chain.size(); i++) assertThat(chain.get(i).prevHash()).isEqualTo(chain.get(i - 1).hash());
        assertThat(chain).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void anIntactChainVerifies() {
        ChainVerification v = AuditChain.verify("acme", 1, stored, AuditChain.GENESIS, 5, chain.get(4).hash());
        assertThat(v.valid()).isTrue();
        assertThat(v.scope()).isEqualTo("full");
        assertThat(v.checkedTo()).isEqualTo(5);
    }

    @Test
    void givenEditedDetailsThenThatRecordFailsItsHash() {
        stored.set(2, Optional.of(stored.get(2).get().replace("\"n\":3", "\"n\":30")));
        assertBroken(3, "hash_mismatch");
    }

    @Test
    void givenEditedRecordWithRecomputedHashThenTheNextRecordsLinkBreaks() {
        ObjectNode r = (ObjectNode) Json.parse(stored.get(1).get());
        r.put("actor", "someone-else");
        r.put("hash", AuditChain.hashOf(r));
        stored.set(1, Optional.of(AuditChain.canonical(r)));
        assertBroken(3, "prev_hash_mismatch");
    }

    @Test
    void givenDeletedRecordThenItIsReportedMissing() {
        stored.set(3, Optional.empty());
        assertBroken(4, "missing");
    }

    @Test
    void givenTruncatedTailThenTheHeadNoLongerMatches() {
        ChainVerification v = AuditChain.verify("acme", 1, stored.subList(0, 4), AuditChain.GENESIS, 5, chain.get(4).hash());
        assertThat(v.valid()).isFalse();
        assertThat(v.problem()).isEqualTo("head_mismatch");
    }

    @Test
    void givenRecordOfAnotherTenantOrWrongSeqThenReported() {
        stored.set(0, Optional.of(stored.get(0).get().replace("\"tenantId\":\"acme\"", "\"tenantId\":\"evil\"")));
        assertBroken(1, "tenant_mismatch");
        buildFiveRecordsAgain();
        stored.set(1, stored.get(2));
        assertBroken(2, "seq_mismatch");
        buildFiveRecordsAgain();
        stored.set(4, Optional.of("{not json"));
        assertBroken(5, "unreadable");
    }

    @Test
    void canonicalFormSortsKeysAtEveryDepthWithoutWhitespace() {
        assertThat(AuditChain.canonical(Json.parse("{\"b\":1,\"a\":{\"d\":[2,{\"z\":null,\"y\":true}],\"c\":\"x\\n\"}}")))
                .isEqualTo("{\"a\":{\"c\":\"x\\n\",\"d\":[2,{\"y\":true,\"z\":null}]},\"b\":1}");
    }

    private void buildFiveRecordsAgain() {
        chain.clear();
        stored.clear();
        buildFiveRecords();
    }

    private void assertBroken(long seq, String problem) {
        ChainVerification v = AuditChain.verify("acme", 1, stored, AuditChain.GENESIS, 5, chain.get(4).hash());
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(seq);
        assertThat(v.problem()).isEqualTo(problem);
    }
}
