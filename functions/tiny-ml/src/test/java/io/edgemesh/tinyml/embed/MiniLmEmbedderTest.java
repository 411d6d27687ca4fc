package io.edgemesh.tinyml.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {

    private final Embedder embedder = MiniLm.embedder();

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    @Test
    void givenAQuery_whenEmbedded_thenItIsAUnitVectorOf384Dimensions() {
        float[] v = embedder.embedQuery("How long does a refund take?");
        assertThat(embedder.dimension()).isEqualTo(MiniLm.DIMENSION);
        assertThat(v).hasSize(384);
        assertThat(dot(v, v)).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void givenAParaphraseWithoutSharedWords_whenCompared_thenItIsCloserThanAnUnrelatedSentence() {
        float[] question = embedder.embedQuery("How do I get my money back?");
        float[] related = embedder.embedQuery("Refunds are issued within fourteen days after we receive the returned item.");
        float[] unrelated = embedder.embedQuery("The office is closed on Sundays and public holidays.");
        assertThat(dot(question, related)).isGreaterThan(dot(question, unrelated) + 0.1);
    }

    @Test
    void givenPassagesOfDifferentLengths_whenEmbeddedTogether_thenEachEqualsItsSingleEmbeddingInInputOrder() {
        List<String> passages = List.of(
                "A long passage about shipping times to Europe, customs fees, tracking numbers and what happens when a parcel is lost in transit.",
                "Short one.",
                "Medium length passage about warranty claims.");
        List<float[]> batch = embedder.embedPassages(passages);

        assertThat(batch).hasSize(3);
        for (int i = 0; i < passages.size(); i++) {
            assertThat(dot(batch.get(i), embedder.embedQuery(passages.get(i)))).isCloseTo(1.0, within(1e-5));
        }
    }
}
