package io.edgemesh.tinyml.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The evaluation's metrics on hand-computed cases, so the reported table means what it says. */
class RetrievalMetricsTest {

    @Test
    void givenTheRelevantPassageAtRank3_whenScored_thenRecallCountsItFromK3AndNdcgIsOneOverLog2Of4() {
        List<String> ranking = List.of("a", "b", "rel", "c");
        assertThat(RetrievalEvaluation.recall(ranking, Set.of("rel"), 2)).isZero();
        assertThat(RetrievalEvaluation.recall(ranking, Set.of("rel"), 5)).isEqualTo(1.0);
        assertThat(RetrievalEvaluation.ndcg(ranking, Set.of("rel"), 10)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void givenTwoRelevantPassagesOneFound_whenScored_thenRecallIsHalfAndNdcgIsNormalisedByTheIdealOrder() {
        List<String> ranking = List.of("r1", "x");
        assertThat(RetrievalEvaluation.recall(ranking, Set.of("r1", "r2"), 10)).isEqualTo(0.5);
        assertThat(RetrievalEvaluation.ndcg(ranking, Set.of("r1", "r2"), 10)).isCloseTo(1 / (1 + 1 / (Math.log(3) / Math.log(2))), within(1e-12));
    }
}
