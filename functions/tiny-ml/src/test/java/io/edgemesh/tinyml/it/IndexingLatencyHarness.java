package io.edgemesh.tinyml.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgemesh.events.DocumentClean;
import io.edgemesh.tinyml.ProjectRoot;
import io.edgemesh.tinyml.TestPdfs;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Time from a DocumentClean event to the documents row being {@code ready}, for an N-page PDF (default
 * 100 pages of about 300 words each, from the CLAPNQ corpus), through the real queue, the Indexer handler
 * and the embedded servers. Scanning (Layer 3) is not included; see its own section in BENCHMARKS.md.
 *
 * <p>Run: {@code java -cp <test classpath> io.edgemesh.tinyml.it.IndexingLatencyHarness [pages] [runs]}
 */
public final class IndexingLatencyHarness {
    private IndexingLatencyHarness() { }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ObjectMapper json = new ObjectMapper();
        List<String> words = new ArrayList<>();
        for (String line : Files.readAllLines(ProjectRoot.sharedData().resolve("retrieval/clapnq/corpus.jsonl"))) {
            if (!line.isBlank()) words.addAll(Arrays.asList(json.readTree(line).get("text").asText().split("\\s+")));
        }
        Random random = new Random(7);
        List<TestPdfs.Page> content = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            List<String> paragraphs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int start = random.nextInt(words.size() - 60);
                // the standard 14 fonts encode WinAnsi only: keep printable Latin-1
                paragraphs.add(String.join(" ", words.subList(start, start + 60)).replaceAll("[^\\x20-\\x7E\\xA0-\\xFF]", "?"));
            }
            content.add(new TestPdfs.Page(p % 10 == 0 ? "Chapter " + (p / 10 + 1) : null, paragraphs));
        }
        byte[] pdf = TestPdfs.build(content);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        TinyMlFixture fx = new TinyMlFixture();
        for (int run = 0; run < runs; run++) {
            String tenant = "bench" + run + Long.toHexString(System.nanoTime());
            String key = fx.upload(tenant, "big", pdf, "CLEAN");
            long t = System.nanoTime();
            fx.deliver(fx.indexer, new DocumentClean(tenant, "big", fx.bucket("uploads"), key, "big.pdf", "application/pdf", pdf.length, sha));
            double seconds = (System.nanoTime() - t) / 1e9;
            var row = fx.documentRow(tenant, "big");
            System.out.printf(Locale.ROOT, "run %d: %d pages, %d KB, status %s, %s chunks, %.1f s from event to ready%n",
                    run + 1, pages, pdf.length / 1024, row.get("status").s(), row.get("chunkCount").n(), seconds);
        }
        System.exit(0);
    }
}
