package io.edgemesh.analysis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgemesh.analysis.scan.Category;
import io.edgemesh.analysis.scan.Finding;
import io.edgemesh.analysis.scan.ScanInput;
import io.edgemesh.analysis.scan.ScanResult;
import io.edgemesh.analysis.scan.ScannerPolicy;
import io.edgemesh.analysis.scan.SecretsScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How well the hidden-instruction rules catch indirect prompt injection: every BIPIA attack (train
 * split) is embedded into every BIPIA email (at the start, middle or end, rotating), and each
 * document goes through {@link SecretsScanner#scan} exactly as an upload would (declared text/plain,
 * so the text path is the product's own). Detection = share of attack documents with a
 * PROMPT_INJECTION finding; false positives = share of the clean emails with one. Reports, never
 * asserts; the rules were not tuned on this set.
 *
 * <p>Run: {@code java -cp <test classpath> io.edgemesh.analysis.bench.InjectionEvaluation [<data dir>]}.
 */
public final class InjectionEvaluation {

    public static void main(String[] args) throws IOException {
        Path data = args.length > 0 ? Path.of(args[0]) : Path.of("../shared/data/documents");
        List<String> emails = column(data.resolve("bipia_email_contexts.jsonl"), "context");
        List<JsonNode> attacks = rows(data.resolve("bipia_attacks_train.jsonl"));
        SecretsScanner scanner = new SecretsScanner();
        ScannerPolicy policy = ScannerPolicy.defaults().withAllowedContentTypes(Set.of("text/plain"));

        int cleanFlagged = 0;
        for (int i = 0; i < emails.size(); i++) {
            if (injection(scanner.scan(input("clean-" + i, emails.get(i), policy)))) cleanFlagged++;
        }
        Map<String, int[]> byCategory = new TreeMap<>();
        int detected = 0;
        int total = 0;
        long start = System.nanoTime();
        for (int a = 0; a < attacks.size(); a++) {
            String attack = attacks.get(a).get("text").asText();
            String category = attacks.get(a).get("category").asText();
            for (int e = 0; e < emails.size(); e++) {
                String doc = embed(emails.get(e), attack, (a + e) % 3);
                boolean hit = injection(scanner.scan(input("attack-" + a + "-" + e, doc, policy)));
                total++;
                if (hit) detected++;
                int[] c = byCategory.computeIfAbsent(category, k -> new int[2]);
                c[0] += hit ? 1 : 0;
                c[1]++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double tpr = (double) detected / total;
        double fpr = (double) cleanFlagged / emails.size();
        System.out.printf("attack documents: %d, detected %d (TPR %.1f%%)%n", total, detected, 100 * tpr);
        System.out.printf("clean emails: %d, flagged %d (FPR %.1f%%)%n", emails.size(), cleanFlagged, 100 * fpr);
        System.out.printf("balanced accuracy: %.1f%%%n", 100 * (tpr + (1 - fpr)) / 2);
        System.out.printf("scan rate: %.0f documents/s (%.1f s for the attack set)%n", total / seconds, seconds);
        System.out.println("| category | detected |");
        System.out.println("|---|---|");
        byCategory.forEach((k, c) -> System.out.printf("| %s | %d/%d (%.0f%%) |%n", k, c[0], c[1], 100.0 * c[0] / c[1]));
    }

    static ScanInput input(String id, String text, ScannerPolicy policy) {
        return ScanInput.of("eval", id, "text/plain", text.getBytes(StandardCharsets.UTF_8), policy);
    }

    static boolean injection(ScanResult r) {
        return r.findings().stream().map(Finding::category).anyMatch(c -> c == Category.PROMPT_INJECTION);
    }

    /** Start, middle (at a paragraph or sentence break near the centre) or end of the email. */
    static String embed(String email, String attack, int where) {
        return switch (where) {
            case 0 -> attack + "\n" + email;
            case 1 -> {
                int mid = email.length() / 2;
                int cut = email.indexOf('\n', mid);
                if (cut < 0) cut = email.indexOf(". ", mid);
                if (cut < 0) cut = mid;
                yield email.substring(0, cut) + "\n" + attack + "\n" + email.substring(cut);
            }
            default -> email + "\n" + attack;
        };
    }

    private static List<JsonNode> rows(Path p) throws IOException {
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) out.add(m.readTree(line));
        }
        return out;
    }

    private static List<String> column(Path p, String field) throws IOException {
        return rows(p).stream().map(n -> n.get(field).asText()).toList();
    }
}
