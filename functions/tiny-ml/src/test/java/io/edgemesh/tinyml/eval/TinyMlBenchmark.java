package io.edgemesh.tinyml.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgemesh.tinyml.ProjectRoot;
import io.edgemesh.tinyml.embed.Embedder;
import io.edgemesh.tinyml.embed.MiniLm;
import io.edgemesh.tinyml.embed.internal.OnnxEmbedder;
import io.edgemesh.tinyml.index.ChunkRecord;
import io.edgemesh.tinyml.index.IndexBuilder;
import io.edgemesh.tinyml.index.IndexVersion;
import io.edgemesh.tinyml.index.TenantIndex;
import io.edgemesh.tinyml.text.Chunk;
import io.edgemesh.tinyml.text.DocumentLanguage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Latency and throughput of Layer 4's building blocks, printed as Markdown rows:
 * query embedding (about 12 words), passage embedding (about 180 words, one model run per passage as
 * the product does, and batches of 16 for comparison), and BM25 / kNN top-10 on an index of
 * {@code chunks} chunks built by the product's {@link IndexBuilder}. The index text is made of
 * 100-word windows of the CLAPNQ corpus; its vectors are random unit vectors (kNN latency depends on
 * the graph, not on what the vectors mean), so kNN figures are for synthetic vectors.
 *
 * <p>Run: {@code java -Xmx3g -cp <test classpath> io.edgemesh.tinyml.eval.TinyMlBenchmark [chunks]}
 */
public final class TinyMlBenchmark {
    private TinyMlBenchmark() { }

    public static void main(String[] args) throws Exception {
        int chunks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path data = ProjectRoot.sharedData().resolve("retrieval").resolve("clapnq");
        ObjectMapper json = new ObjectMapper();
        List<String> corpusWords = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("corpus.jsonl"))) {
            if (!line.isBlank()) corpusWords.addAll(Arrays.asList(json.readTree(line).get("text").asText().split("\\s+")));
        }
        for (String line : Files.readAllLines(data.resolve("queries.jsonl"))) {
            if (!line.isBlank()) queries.add(json.readTree(line).get("text").asText());
        }
        Random random = new Random(42);
        System.out.printf(Locale.ROOT, "cores %d, JDK %s%n", Runtime.getRuntime().availableProcessors(), Runtime.version());

        // ---- embeddings ----
        Embedder embedder = MiniLm.embedder();
        List<String> shortQueries = queries.stream().filter(q -> {
            int w = q.split("\\s+").length;
            return w >= 10 && w <= 14;
        }).toList();
        for (int i = 0; i < 50; i++) embedder.embedQuery(shortQueries.get(i % shortQueries.size()));
        long[] qt = new long[500];
        for (int i = 0; i < qt.length; i++) {
            long t = System.nanoTime();
            embedder.embedQuery(shortQueries.get(i % shortQueries.size()));
            qt[i] = System.nanoTime() - t;
        }
        System.out.printf(Locale.ROOT, "| query embedding (%d queries of 10-14 words) | p50 %.2f ms | p95 %.2f ms |%n",
                qt.length, pct(qt, 50), pct(qt, 95));

        List<String> passages = new ArrayList<>();
        for (int i = 0; i < 64; i++) passages.add(window(corpusWords, random, 180));
        embedder.embedPassages(passages.subList(0, 8));
        long t = System.nanoTime();
        embedder.embedPassages(passages);
        double single = passages.size() / ((System.nanoTime() - t) / 1e9);
        byte[] model;
        try (InputStream in = MiniLm.class.getClassLoader().getResourceAsStream(MiniLm.MODEL_RESOURCE)) {
            model = in.readAllBytes();
        }
        double batched;
        try (OnnxEmbedder batching = new OnnxEmbedder(model, MiniLm.tokenizer(), MiniLm.MAX_TOKENS, 16,
                Runtime.getRuntime().availableProcessors())) {
            batching.embedPassages(passages.subList(0, 16));
            t = System.nanoTime();
            batching.embedPassages(passages);
            batched = passages.size() / ((System.nanoTime() - t) / 1e9);
        }
        System.out.printf(Locale.ROOT, "| passage embedding (64 x 180 words) | one per run: %.1f passages/s | batches of 16: %.1f passages/s |%n",
                single, batched);

        // ---- index ----
        List<ChunkRecord> records = new ArrayList<>(chunks);
        for (int i = 0; i < chunks; i++) {
            Chunk c = new Chunk(i % 50, 1 + i % 20, "", window(corpusWords, random, 100), 0);
            records.add(new ChunkRecord("doc-" + (i / 50), "doc.pdf", DocumentLanguage.ENGLISH, c, randomUnit(random, MiniLm.DIMENSION)));
        }
        Path dir = Files.createTempDirectory("tinyml-bench");
        t = System.nanoTime();
        IndexBuilder.build(Optional.empty(), dir.resolve("v1"), Set.of(), records);
        double buildSeconds = (System.nanoTime() - t) / 1e9;
        records = null;
        long bytes;
        try (var s = Files.list(dir.resolve("v1"))) {
            bytes = s.mapToLong(p -> p.toFile().length()).sum();
        }
        try (TenantIndex index = TenantIndex.open("bench", new IndexVersion("bench", 1, "1-b", "-", Instant.now(), List.of()),
                dir.resolve("v1"), true)) {
            System.out.printf(Locale.ROOT, "index: %d chunks, built in %.0f s, %.0f MB on disk%n", index.chunkCount(), buildSeconds, bytes / 1e6);
            for (int i = 0; i < 300; i++) index.bm25(queries.get(i % queries.size()), 10);
            long[] bt = new long[3000];
            for (int i = 0; i < bt.length; i++) {
                long s0 = System.nanoTime();
                index.bm25(queries.get(i % queries.size()), 10);
                bt[i] = System.nanoTime() - s0;
            }
            System.out.printf(Locale.ROOT, "| BM25 top-10 (%d chunks, CLAPNQ queries) | p50 %.3f ms | p99 %.3f ms |%n", chunks, pct(bt, 50), pct(bt, 99));
            List<float[]> probes = new ArrayList<>();
            for (int i = 0; i < 500; i++) probes.add(randomUnit(random, MiniLm.DIMENSION));
            for (int i = 0; i < 300; i++) index.knn(probes.get(i % probes.size()), 10);
            long[] kt = new long[3000];
            for (int i = 0; i < kt.length; i++) {
                long s0 = System.nanoTime();
                index.knn(probes.get(i % probes.size()), 10);
                kt[i] = System.nanoTime() - s0;
            }
            System.out.printf(Locale.ROOT, "| kNN top-10 HNSW (%d synthetic unit vectors, 384-d) | p50 %.3f ms | p99 %.3f ms |%n", chunks, pct(kt, 50), pct(kt, 99));
        }
    }

    private static String window(List<String> words, Random random, int n) {
        int start = random.nextInt(words.size() - n);
        return String.join(" ", words.subList(start, start + n));
    }

    private static float[] randomUnit(Random random, int dim) {
        float[] v = new float[dim];
        double norm = 0;
        for (int i = 0; i < dim; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dim; i++) v[i] *= inv;
        return v;
    }

    private static double pct(long[] nanos, int p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
    }
}
