package io.edgemesh.tinyml.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgemesh.tinyml.index.Hit;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

    private static Hit hit(String doc, int ordinal) {
        return new Hit(doc, doc + ".pdf", 1, ordinal, "", "text", 0f);
    }

    @Test
    void givenTwoRankings_whenFused_thenAPassageInBothOutranksOneRankedFirstByOnlyOne() {
        Hit a = hit("a", 0);
        Hit b = hit("b", 0);
        Hit c = hit("c", 0);
        List<ReciprocalRankFusion.Fused> fused = ReciprocalRankFusion.fuse(60, List.of(a, b), List.of(c, b));

        assertThat(fused).extracting(f -> f.hit().documentId()).containsExactly("b", "a", "c");
        assertThat(fused.get(0).score()).isCloseTo(2.0 / 62, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 61, within(1e-12));
    }

    @Test
    void givenChunksOfOneDocument_whenFused_thenTheyStayDistinct() {
        assertThat(ReciprocalRankFusion.fuse(60, List.of(hit("a", 0), hit("a", 1)), List.of())).hasSize(2);
    }
}
