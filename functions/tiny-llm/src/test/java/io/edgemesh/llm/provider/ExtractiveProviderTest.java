package io.edgemesh.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveProviderTest {

    private final ExtractiveProvider provider = new ExtractiveProvider();

    private static CompletionRequest ask(String q, Passage... passages) {
        return new CompletionRequest("acme", q, List.of(passages), "en", "extractive-v1", 300);
    }

    @Test
    void answers_with_the_sentence_that_matches_the_question_and_cites_its_passage() {
        // GIVEN two passages, the relevant fact in the second sentence of the second passage
        Passage p1 = new Passage(1, "doc_a", "handbook.pdf", 1, "Our office opens at nine. Parking is free for visitors.", 0.9);
        Passage p2 = new Passage(2, "doc_b", "returns.pdf", 2,
                "We ship worldwide. Returns are accepted within 30 days of delivery with the original receipt.", 0.8);
        // WHEN asked about returns
        Completion c = provider.complete(ask("How many days do I have for returns?", p1, p2), Duration.ofSeconds(1));
        // THEN the answer quotes the returns sentence and cites passage 2, not the unrelated one
        assertThat(c.text()).contains("Returns are accepted within 30 days").endsWith("[2]");
        assertThat(c.citedRefs()).containsExactly(2);
        assertThat(c.text()).doesNotContain("Parking");
    }

    @Test
    void uses_the_opening_of_the_best_passage_when_no_word_matches() {
        // GIVEN a paraphrase that shares no word with the passage (found by vector search)
        Passage p = new Passage(1, "doc_a", "policy.pdf", 3, "Refunds are issued to the original card. It takes a week.", 0.7);
        Completion c = provider.complete(ask("money back?", p), Duration.ofSeconds(1));
        assertThat(c.text()).startsWith("Refunds are issued to the original card.").endsWith("[1]");
        assertThat(c.citedRefs()).containsExactly(1);
    }

    @Test
    void answers_nothing_without_passages() {
        Completion c = provider.complete(ask("anything?"), Duration.ofSeconds(1));
        assertThat(c.text()).isEmpty();
        assertThat(c.citedRefs()).isEmpty();
    }

    @Test
    void matches_inflected_forms_across_languages() {
        Passage de = new Passage(1, "doc_de", "rueckgabe.pdf", 1,
                "Die Lieferung erfolgt in drei Tagen. Rücksendungen sind innerhalb von 30 Tagen kostenlos.", 0.5);
        Completion c = provider.complete(new CompletionRequest("acme", "Sind Rücksendungen kostenlos?", List.of(de), "de",
                "extractive-v1", 300), Duration.ofSeconds(1));
        assertThat(c.text()).contains("Rücksendungen sind innerhalb von 30 Tagen kostenlos.");
    }

    @Test
    void respects_the_output_budget() {
        String longText = "Returns policy sentence number one is long enough. ".repeat(40);
        Passage p = new Passage(1, "d", "f.pdf", 1, longText, 1.0);
        Completion c = provider.complete(new CompletionRequest("acme", "returns policy", List.of(p), "en", "x", 20),
                Duration.ofSeconds(1));
        assertThat(c.text().length()).isLessThanOrEqualTo(400);
        assertThat(c.estimated()).isTrue();
    }
}
