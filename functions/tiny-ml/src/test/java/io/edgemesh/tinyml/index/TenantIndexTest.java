package io.edgemesh.tinyml.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.tinyml.embed.Embedder;
import io.edgemesh.tinyml.embed.MiniLm;
import io.edgemesh.tinyml.text.Chunk;
import io.edgemesh.tinyml.text.DocumentLanguage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantIndexTest {

    @TempDir Path dir;
    private final Embedder embedder = MiniLm.embedder();

    private List<ChunkRecord> records(String documentId, DocumentLanguage lang, String... texts) {
        List<ChunkRecord> out = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            Chunk c = new Chunk(i, i + 1, "", texts[i], 0);
            out.add(new ChunkRecord(documentId, documentId + ".pdf", lang, c, embedder.embedQuery(c.embeddingText())));
        }
        return out;
    }

    private static IndexVersion version(String id) {
        return new IndexVersion("t1", 1, id, "k", Instant.now(), List.of());
    }

    @Test
    void givenAPreviousVersion_whenADocumentIsReplacedByAnother_thenTheNewVersionHasOnlyTheNewChunksAndTheOldIsUnchanged() {
        Path v1 = dir.resolve("v1");
        Path v2 = dir.resolve("v2");
        IndexBuilder.build(Optional.empty(), v1, Set.of(), records("a", DocumentLanguage.ENGLISH,
                "Tents are waterproof up to 3000 mm.", "Boots must be dried slowly."));
        IndexBuilder.build(Optional.of(v1), v2, Set.of("a"), records("b", DocumentLanguage.ENGLISH, "Rain jackets breathe."));

        try (TenantIndex i1 = TenantIndex.open("t1", version("1-x"), v1, false);
             TenantIndex i2 = TenantIndex.open("t1", version("2-y"), v2, false)) {
            assertThat(i1.chunkCount()).isEqualTo(2);
            assertThat(i2.chunkCount()).isEqualTo(1);
            assertThat(i2.bm25("tents waterproof", 10)).isEmpty();
            assertThat(i2.bm25("jackets", 10)).extracting(Hit::documentId).containsExactly("b");
            assertThat(i1.bm25("tents waterproof", 10)).extracting(Hit::documentId, Hit::page).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("a", 1));
        }
    }

    @Test
    void givenGermanText_whenSearchedWithAnInflectedForm_thenTheGermanAnalyzerStemsBothSides() {
        Path v = dir.resolve("de");
        IndexBuilder.build(Optional.empty(), v, Set.of(), records("d", DocumentLanguage.GERMAN,
                "Die Rückerstattung erfolgt innerhalb von vierzehn Werktagen."));
        try (TenantIndex i = TenantIndex.open("t1", version("1-de"), v, false)) {
            assertThat(i.bm25("Rückerstattungen", 5)).hasSize(1);
        }
    }

    @Test
    void givenAUnitQueryVector_whenSearchedByKnn_thenTheScoreIsTheCosineSimilarity() {
        Path v = dir.resolve("knn");
        List<ChunkRecord> recs = records("c", DocumentLanguage.ENGLISH, "Refunds reach the card within ten business days.");
        IndexBuilder.build(Optional.empty(), v, Set.of(), recs);
        try (TenantIndex i = TenantIndex.open("t1", version("1-k"), v, false)) {
            List<Hit> hits = i.knn(recs.get(0).vector(), 3);
            assertThat(hits).hasSize(1);
            assertThat(hits.get(0).score()).isCloseTo(1.0f, org.assertj.core.data.Offset.offset(1e-4f));
        }
    }

    @Test
    void givenAnIndexWithoutChunks_whenSearched_thenNothingIsFound() {
        Path v = dir.resolve("empty");
        IndexBuilder.build(Optional.empty(), v, Set.of(), List.of());
        try (TenantIndex i = TenantIndex.open("t1", version("1-e"), v, false)) {
            assertThat(i.bm25("anything", 5)).isEmpty();
            assertThat(i.knn(embedder.embedQuery("anything"), 5)).isEmpty();
        }
    }
}
