package io.edgemesh.tinyml.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgemesh.tinyml.ProjectRoot;
import io.edgemesh.tinyml.embed.Embedder;
import io.edgemesh.tinyml.embed.MiniLm;
import io.edgemesh.tinyml.index.ChunkRecord;
import io.edgemesh.tinyml.index.IndexBuilder;
import io.edgemesh.tinyml.index.IndexVersion;
import io.edgemesh.tinyml.index.TenantIndex;
import io.edgemesh.tinyml.search.SearchMode;
import io.edgemesh.tinyml.search.SearchRequest;
import io.edgemesh.tinyml.search.SearchResult;
import io.edgemesh.tinyml.search.SearchService;
import io.edgemesh.tinyml.text.Block;
import io.edgemesh.tinyml.text.Chunk;
import io.edgemesh.tinyml.text.Chunker;
import io.edgemesh.tinyml.text.DocumentLanguage;
import io.edgemesh.tinyml.text.ExtractedDocument;
import io.edgemesh.tinyml.text.LanguageDetection;
import io.edgemesh.tinyml.text.PageText;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Retrieval quality on a BEIR-layout set (default {@code <root>/../shared/data/retrieval/clapnq}):
 * every corpus passage becomes a one-page document (title as its heading) that goes through the
 * product's chunker, language detection, embedder and index builder; every answerable query with a
 * relevance judgement goes through {@link SearchService} in each mode. Search returns chunks, so the
 * ranking is turned into a passage ranking by keeping each passage's best chunk (top 50 chunks asked).
 * Prints Recall@5, Recall@10 and nDCG@10 per mode as a Markdown table. Nothing here is tuned to the set.
 *
 * <p>Run: {@code ./mvnw -q -o -pl functions/tiny-ml exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.edgemesh.tinyml.eval.RetrievalEvaluation [-Dexec.args=<dataset dir>]}
 */
public final class RetrievalEvaluation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RetrievalEvaluation() { }

    record Query(String id, String text) { }

    record Scores(double recall5, double recall10, double ndcg10) { }

    public static void main(String[] args) throws Exception {
        Path data = args.length > 0 ? Path.of(args[0]) : ProjectRoot.sharedData().resolve("retrieval").resolve("clapnq");
        Map<String, Set<String>> qrels = readQrels(data.resolve("qrels_test.tsv"));
        List<Query> queries = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(data.resolve("queries.jsonl"))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode q = JSON.readTree(line);
                boolean answerable = !q.has("answerable") || q.get("answerable").asBoolean();
                if (answerable && qrels.containsKey(q.get("_id").asText())) queries.add(new Query(q.get("_id").asText(), q.get("text").asText()));
            }
        }

        Embedder embedder = MiniLm.embedder();
        Chunker chunker = Chunker.withDefaults(MiniLm.tokenizer());
        List<ChunkRecord> records = new ArrayList<>();
        Map<DocumentLanguage, Integer> languages = new HashMap<>();
        int passages = 0;
        long t0 = System.nanoTime();
        try (BufferedReader r = Files.newBufferedReader(data.resolve("corpus.jsonl"))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode d = JSON.readTree(line);
                String id = d.get("_id").asText();
                String title = d.path("title").asText("");
                List<Block> blocks = new ArrayList<>();
                if (!title.isBlank()) blocks.add(new Block(title, true));
                blocks.add(new Block(d.get("text").asText(), false));
                ExtractedDocument doc = new ExtractedDocument(List.of(new PageText(1, blocks)));
                DocumentLanguage lang = LanguageDetection.detect(doc);
                languages.merge(lang, 1, Integer::sum);
                List<Chunk> chunks = chunker.chunk(doc);
                List<float[]> vectors = embedder.embedPassages(chunks.stream().map(Chunk::embeddingText).toList());
                for (int i = 0; i < chunks.size(); i++) records.add(new ChunkRecord(id, id, lang, chunks.get(i), vectors.get(i)));
                passages++;
            }
        }
        double indexSeconds = (System.nanoTime() - t0) / 1e9;
        Path dir = Files.createTempDirectory("clapnq-index");
        IndexBuilder.build(Optional.empty(), dir.resolve("v1"), Set.of(), records);
        SearchService search = new SearchService(null, embedder);

        System.out.printf(Locale.ROOT, "dataset %s: %d passages -> %d chunks (languages %s; chunk+embed %.0f s), %d answerable judged queries%n",
                data.getFileName(), passages, records.size(), languages, indexSeconds, queries.size());
        System.out.println();
        System.out.println("| mode | Recall@5 | Recall@10 | nDCG@10 |");
        System.out.println("|---|---|---|---|");
        try (TenantIndex index = TenantIndex.open("eval", new IndexVersion("eval", 1, "1-eval", "-", Instant.now(), List.of()),
                dir.resolve("v1"), true)) {
            for (SearchMode mode : SearchMode.values()) {
                Scores s = evaluate(search, index, mode, queries, qrels);
                System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", mode.wireName(), s.recall5(), s.recall10(), s.ndcg10());
            }
        }
    }

    static Scores evaluate(SearchService search, TenantIndex index, SearchMode mode, List<Query> queries, Map<String, Set<String>> qrels) {
        double r5 = 0, r10 = 0, ndcg = 0;
        for (Query q : queries) {
            String text = q.text().length() > SearchRequest.MAX_QUERY_CHARS ? q.text().substring(0, SearchRequest.MAX_QUERY_CHARS) : q.text();
            List<SearchResult> chunks = search.search(index, new SearchRequest(text, SearchRequest.MAX_K, mode));
            List<String> ranking = new ArrayList<>(new LinkedHashSet<>(chunks.stream().map(SearchResult::documentId).toList()));
            Set<String> relevant = qrels.get(q.id());
            r5 += recall(ranking, relevant, 5);
            r10 += recall(ranking, relevant, 10);
            ndcg += ndcg(ranking, relevant, 10);
        }
        int n = queries.size();
        return new Scores(r5 / n, r10 / n, ndcg / n);
    }

    static double recall(List<String> ranking, Set<String> relevant, int k) {
        long hits = ranking.stream().limit(k).filter(relevant::contains).count();
        return (double) hits / relevant.size();
    }

    /** Binary-relevance nDCG: gain 1 at rank i counts 1/log2(i+1); the ideal puts every relevant passage first. */
    static double ndcg(List<String> ranking, Set<String> relevant, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (relevant.contains(ranking.get(i))) dcg += 1 / log2(i + 2);
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) ideal += 1 / log2(i + 2);
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    static Map<String, Set<String>> readQrels(Path tsv) throws Exception {
        Map<String, Set<String>> qrels = new HashMap<>();
        List<String> lines = Files.readAllLines(tsv);
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t");
            if (f.length < 3 || (i == 0 && f[0].equals("query-id"))) continue;
            if (Integer.parseInt(f[2].trim()) > 0) qrels.computeIfAbsent(f[0], x -> new HashSet<>()).add(f[1]);
        }
        return qrels;
    }
}
