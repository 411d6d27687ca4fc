package io.edgemesh.tinyml.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.tinyml.TestPdfs;
import io.edgemesh.tinyml.embed.MiniLm;
import io.edgemesh.tinyml.index.ChunkRecord;
import io.edgemesh.tinyml.index.IndexBuilder;
import io.edgemesh.tinyml.index.IndexVersion;
import io.edgemesh.tinyml.index.TenantIndex;
import io.edgemesh.tinyml.text.Chunk;
import io.edgemesh.tinyml.text.Chunker;
import io.edgemesh.tinyml.text.ExtractedDocument;
import io.edgemesh.tinyml.text.LanguageDetection;
import io.edgemesh.tinyml.text.TextExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three modes on the handbook PDF, indexed by the product's own extraction, chunking and embedding. */
class SearchServiceTest {
    @TempDir static Path dir;
    private static TenantIndex index;
    private static final SearchService SEARCH = new SearchService(null, MiniLm.embedder());

    @BeforeAll
    static void indexHandbook() throws Exception {
        Path pdf = dir.resolve("handbook.pdf");
        Files.write(pdf, TestPdfs.handbook());
        ExtractedDocument doc = TextExtractor.withDefaults().extract(pdf);
        List<ChunkRecord> records = new ArrayList<>();
        for (Chunk c : Chunker.withDefaults(MiniLm.tokenizer()).chunk(doc)) {
            records.add(new ChunkRecord("handbook", "handbook.pdf", LanguageDetection.detect(doc), c,
                    MiniLm.embedder().embedQuery(c.embeddingText())));
        }
        IndexBuilder.build(Optional.empty(), dir.resolve("v1"), Set.of(), records);
        index = TenantIndex.open("t1", new IndexVersion("t1", 1, "1-test", "k", Instant.now(), List.of()), dir.resolve("v1"), false);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static List<SearchResult> search(String q, int k, SearchMode mode) {
        return SEARCH.search(index, new SearchRequest(q, k, mode));
    }

    @Test
    void givenAPhraseFromPage2_whenSearchedInAnyMode_thenThePage2PassageRanksFirst() {
        for (SearchMode mode : SearchMode.values()) {
            SearchResult top = search("turquoise walrus guarantee", 3, mode).get(0);
            assertThat(top.page()).as(mode.wireName()).isEqualTo(2);
            assertThat(top.text()).as(mode.wireName()).contains("turquoise walrus guarantee");
        }
    }

    @Test
    void givenAQuestionThatSharesNoWordWithThePassage_whenSearched_thenOnlyTheMeaningFindsIt() {
        String question = "How do I get my money for clothes I did not wear?";
        assertThat(search(question, 3, SearchMode.BM25)).isEmpty();
        assertThat(search(question, 1, SearchMode.HYBRID)).singleElement()
                .satisfies(r -> assertThat(r.page()).isEqualTo(2));
    }

    @Test
    void givenK_whenSearched_thenAtMostKResultsComeBackBestFirst() {
        List<SearchResult> r = search("warehouse parcel", 2, SearchMode.HYBRID);
        assertThat(r).hasSizeLessThanOrEqualTo(2);
        assertThat(r).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void givenEachMode_whenSearched_thenOnlyResultsTheVectorRetrieverSawCarryACosineSimilarity() {
        assertThat(search("turquoise walrus guarantee", 3, SearchMode.BM25)).allSatisfy(r -> assertThat(r.similarity()).isNull());
        assertThat(search("turquoise walrus guarantee", 3, SearchMode.VECTOR))
                .allSatisfy(r -> assertThat(r.similarity()).isEqualTo(r.score()));
        SearchResult top = search("turquoise walrus guarantee", 1, SearchMode.HYBRID).get(0);
        assertThat(top.similarity()).isNotNull().isBetween(0.3, 1.0);
    }
}
