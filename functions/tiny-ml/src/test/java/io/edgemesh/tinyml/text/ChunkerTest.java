package io.edgemesh.tinyml.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.tinyml.embed.MiniLm;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private final Chunker chunker = new Chunker(MiniLm.tokenizer(), 64, 12);

    private static List<Block> sentences(int n, String tag) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < n; i++) blocks.add(new Block("Sentence " + tag + i + " tells the reader something useful about hiking boots.", false));
        return blocks;
    }

    @Test
    void givenLongPages_whenChunked_thenEveryChunkFitsTheWindowAndNeighboursOverlap() {
        ExtractedDocument doc = new ExtractedDocument(List.of(new PageText(1, sentences(30, "a"))));
        List<Chunk> chunks = chunker.chunk(doc);

        assertThat(chunks).hasSizeGreaterThan(3);
        for (Chunk c : chunks) {
            assertThat(c.tokens()).isLessThanOrEqualTo(64);
            assertThat(MiniLm.tokenizer().countTokens(c.text())).isEqualTo(c.tokens());
        }
        for (int i = 1; i < chunks.size(); i++) {
            String prev = chunks.get(i - 1).text();
            String firstWords = String.join(" ", List.of(chunks.get(i).text().split(" ")).subList(0, 3));
            assertThat(prev).as("chunk %d starts inside chunk %d", i, i - 1).contains(firstWords);
        }
        assertThat(chunks).extracting(Chunk::ordinal).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, chunks.size()).boxed().toList());
    }

    @Test
    void givenACutNearASentenceEnd_whenChunked_thenTheChunkEndsWithTheSentence() {
        List<Chunk> chunks = chunker.chunk(new ExtractedDocument(List.of(new PageText(1, sentences(20, "b")))));
        assertThat(chunks.get(0).text()).endsWith("boots.");
    }

    @Test
    void givenPagesAndHeadings_whenChunked_thenChunksKeepTheirPageAndTheNearestHeadingAndNeverSpanPages() {
        List<Block> p1 = new ArrayList<>();
        p1.add(new Block("Returns", true));
        p1.addAll(sentences(3, "c"));
        List<Block> p2 = new ArrayList<>(sentences(3, "d"));
        p2.add(new Block("Shipping", true));
        p2.addAll(sentences(2, "e"));
        List<Chunk> chunks = chunker.chunk(new ExtractedDocument(List.of(new PageText(1, p1), new PageText(2, p2))));

        assertThat(chunks).allSatisfy(c -> assertThat(c.text()).doesNotContain("Returns").doesNotContain("Shipping"));
        assertThat(chunks).filteredOn(c -> c.text().contains("c0")).allSatisfy(c -> {
            assertThat(c.page()).isEqualTo(1);
            assertThat(c.heading()).isEqualTo("Returns");
        });
        assertThat(chunks).filteredOn(c -> c.text().contains("d2")).allSatisfy(c -> {
            assertThat(c.page()).isEqualTo(2);
            assertThat(c.heading()).as("a heading carries over to the next page").isEqualTo("Returns");
        });
        assertThat(chunks).filteredOn(c -> c.text().contains("e1")).singleElement()
                .satisfies(c -> assertThat(c.heading()).isEqualTo("Shipping"));
        assertThat(chunks).noneMatch(c -> c.text().contains("c2") && c.text().contains("d0"));
        assertThat(chunks.get(0).embeddingText()).startsWith("Returns\n");
    }

    @Test
    void givenAPageWithoutText_whenChunked_thenItGivesNoChunk() {
        assertThat(chunker.chunk(new ExtractedDocument(List.of(new PageText(1, List.of()))))).isEmpty();
    }
}
