package io.edgemesh.orchestrator.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CLAPNQ dev set in BEIR layout ({@code corpus.jsonl}, {@code queries.jsonl}, {@code qrels_test.tsv}):
 * answerable questions have one gold passage; unanswerable ones come with passages on their topic that do
 * not hold the answer, which is what makes abstention hard here.
 */
record ClapNq(List<Passage> corpus, List<Query> queries, Map<String, String> goldPassage) {

    record Passage(String id, String title, String text) { }

    record Query(String id, String text, boolean answerable) { }

    static ClapNq load(Path dir) {
        List<Passage> corpus = lines(dir.resolve("corpus.jsonl")).stream()
                .map(n -> new Passage(n.path("_id").asText(), n.path("title").asText(""), n.path("text").asText())).toList();
        List<Query> queries = lines(dir.resolve("queries.jsonl")).stream()
                .map(n -> new Query(n.path("_id").asText(), n.path("text").asText(), n.path("answerable").asBoolean())).toList();
        Map<String, String> gold = new HashMap<>();
        try {
            for (String line : Files.readAllLines(dir.resolve("qrels_test.tsv"))) {
                String[] f = line.split("\t");
                if (f.length < 3 || f[0].equals("query-id") || Integer.parseInt(f[2].strip()) <= 0) continue;
                gold.put(f[0], f[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ClapNq(corpus, queries, Map.copyOf(gold));
    }

    /** The repository root: {@code edgemesh.root} when set, else the first parent holding {@code mvnw}. */
    static Path sharedData() {
        String prop = System.getProperty("edgemesh.root");
        Path root = prop != null && !prop.isBlank() ? Path.of(prop) : Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("mvnw"))) root = root.getParent();
        if (root == null) throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
        return root.toAbsolutePath().getParent().resolve("shared").resolve("data");
    }

    private static List<JsonNode> lines(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> !l.isBlank()).map(Json::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
