package io.edgemesh.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.analysis.scan.Category;
import io.edgemesh.analysis.scan.Finding;
import io.edgemesh.analysis.scan.PolicyAction;
import io.edgemesh.analysis.scan.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionTest {
    private static final String SHA = "a".repeat(64);

    private static RecordedVerdict v(String scanner, Verdict verdict, String sha, Finding... findings) {
        return new RecordedVerdict(scanner, verdict, List.of(findings), verdict == Verdict.ERROR ? "clamd down" : null,
                Instant.EPOCH, sha, 1);
    }

    private static Finding f(String reason, PolicyAction a) {
        return new Finding("x", Category.JAVASCRIPT, reason, a);
    }

    @Test
    void fourCleanVerdictsOnTheSameBytesReleaseTheDocument() {
        Decision d = Decision.decide(Map.of("type", v("type", Verdict.CLEAN, SHA), "secrets", v("secrets", Verdict.CLEAN, SHA),
                "signatures", v("signatures", Verdict.CLEAN, SHA), "active-content", v("active-content", Verdict.CLEAN, SHA)));
        assertThat(d.kind()).isEqualTo(Decision.Kind.CLEAN);
        assertThat(d.kind().status()).isEqualTo("indexing");
        assertThat(d.sha256()).isEqualTo(SHA);
    }

    @Test
    void aBlockWinsOverAnErrorAndNamesItsReasons() {
        Decision d = Decision.decide(Map.of("type", v("type", Verdict.CLEAN, SHA),
                "active-content", v("active-content", Verdict.BLOCK, SHA, f("JavaScript in OpenAction", PolicyAction.BLOCK),
                        f("link to example.com", PolicyAction.ALLOW)),
                "signatures", v("signatures", Verdict.ERROR, null)));
        assertThat(d.kind()).isEqualTo(Decision.Kind.QUARANTINED);
        assertThat(d.reasons()).containsExactly("active-content: JavaScript in OpenAction");
        assertThat(d.scanners()).containsExactly("active-content");
    }

    @Test
    void anErrorWithoutBlockFailsTheDocument() {
        Decision d = Decision.decide(Map.of("type", v("type", Verdict.CLEAN, SHA), "signatures", v("signatures", Verdict.ERROR, null)));
        assertThat(d.kind()).isEqualTo(Decision.Kind.FAILED);
        assertThat(d.reasons()).containsExactly("signatures: clamd down");
    }

    @Test
    void reviewHoldsTheDocumentInQuarantine() {
        Decision d = Decision.decide(Map.of("secrets", v("secrets", Verdict.REVIEW, SHA, f("JSON Web Token", PolicyAction.REVIEW)),
                "type", v("type", Verdict.CLEAN, SHA)));
        assertThat(d.kind()).isEqualTo(Decision.Kind.REVIEW);
        assertThat(d.kind().quarantines()).isTrue();
    }

    @Test
    void scannersThatSawDifferentBytesQuarantine() {
        Decision d = Decision.decide(Map.of("type", v("type", Verdict.CLEAN, SHA), "secrets", v("secrets", Verdict.CLEAN, "b".repeat(64))));
        assertThat(d.kind()).isEqualTo(Decision.Kind.QUARANTINED);
        assertThat(d.reasons().get(0)).contains("changed while it was being scanned");
    }
}
