package io.edgemesh.tinyml.it;

import io.edgemesh.tinyml.IndexerHandler;
import io.edgemesh.tinyml.SearchHandler;
import io.edgemesh.tinyml.TestPdfs;
import io.edgemesh.tinyml.embed.MiniLm;
import io.edgemesh.tinyml.index.ChunkRecord;
import io.edgemesh.tinyml.index.IndexBuilder;
import io.edgemesh.tinyml.index.IndexVersion;
import io.edgemesh.tinyml.index.TenantIndex;
import io.edgemesh.tinyml.text.Chunk;
import io.edgemesh.tinyml.text.Chunker;
import io.edgemesh.tinyml.text.DocumentLanguage;
import io.edgemesh.tinyml.text.ExtractedDocument;
import io.edgemesh.tinyml.text.LanguageDetection;
import io.edgemesh.tinyml.text.TextExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Run by {@link LambdaJarIT} in a JVM whose classpath is the Lambda package (plus these test classes):
 * every library path the functions use, so a class or resource the shade filters dropped shows up here
 * and not in Lambda. Prints "OK" last; any failure exits non-zero.
 */
public final class LambdaJarSmoke {
    private LambdaJarSmoke() { }

    public static void main(String[] args) throws Exception {
        Map<String, DocumentLanguage> samples = Map.of(
                "Refunds are processed within fourteen business days after we receive the returned item.", DocumentLanguage.ENGLISH,
                "Die Rückerstattung erfolgt innerhalb von vierzehn Werktagen nach Eingang der Rücksendung.", DocumentLanguage.GERMAN,
                "El reembolso se procesa dentro de los catorce días hábiles posteriores a la recepción del artículo.", DocumentLanguage.SPANISH,
                "Le remboursement est effectué dans les quatorze jours ouvrés suivant la réception de l'article.", DocumentLanguage.FRENCH,
                "O reembolso é processado em até catorze dias úteis após o recebimento do item devolvido.", DocumentLanguage.PORTUGUESE,
                "Il rimborso viene elaborato entro quattordici giorni lavorativi dal ricevimento dell'articolo.", DocumentLanguage.ITALIAN,
                "De terugbetaling wordt binnen veertien werkdagen na ontvangst van het artikel verwerkt.", DocumentLanguage.DUTCH,
                "Kurz.", DocumentLanguage.OTHER);
        for (var e : samples.entrySet()) {
            DocumentLanguage got = LanguageDetection.detect(e.getKey());
            if (e.getValue() != DocumentLanguage.OTHER && got != e.getValue()) {
                throw new AssertionError("detected " + got + " for " + e.getKey());
            }
        }
        Path dir = Files.createTempDirectory("lambda-jar-smoke");
        Path pdf = dir.resolve("handbook.pdf");
        Files.write(pdf, TestPdfs.handbook());
        ExtractedDocument doc = TextExtractor.withDefaults().extract(pdf);
        List<ChunkRecord> records = new ArrayList<>();
        for (Chunk c : Chunker.withDefaults(MiniLm.tokenizer()).chunk(doc)) {
            records.add(new ChunkRecord("d", "d.pdf", LanguageDetection.detect(doc), c, MiniLm.embedder().embedQuery(c.embeddingText())));
        }
        IndexBuilder.build(Optional.empty(), dir.resolve("v1"), Set.of(), records);
        try (TenantIndex index = TenantIndex.open("t", new IndexVersion("t", 1, "1-x", "k", Instant.now(), List.of()), dir.resolve("v1"), true)) {
            if (index.bm25("turquoise walrus", 1).get(0).page() != 2) throw new AssertionError("bm25 missed page 2");
            if (index.knn(MiniLm.embedder().embedQuery("refund to the card"), 1).isEmpty()) throw new AssertionError("knn found nothing");
        }
        // the handlers build their object graphs (AWS SDK clients and their HTTP client service lookup) from the jar
        Map<String, String> env = Map.of("EDGEMESH_FUNCTION_NAME", "indexer", "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "x", "AWS_SECRET_ACCESS_KEY", "y",
                io.edgemesh.routes.Names.queueEnv("tenant-events.fifo"), "http://127.0.0.1:1/queue/tenant-events.fifo",
                "EDGEMESH_ENVELOPE_KEYS", TinyMlFixture.KEYS, "EDGEMESH_TINYML_DIR", dir.toString());
        new IndexerHandler(env);
        Map<String, String> searchEnv = new java.util.HashMap<>(env);
        searchEnv.put("EDGEMESH_FUNCTION_NAME", "search");
        new SearchHandler(searchEnv);
        io.edgemesh.tinyml.index.internal.LocalFiles.deleteRecursively(dir);
        System.out.println("OK");
    }
}
