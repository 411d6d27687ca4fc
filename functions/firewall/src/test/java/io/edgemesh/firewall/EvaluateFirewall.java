package io.edgemesh.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import io.edgemesh.firewall.anomaly.AnomalyPolicy;
import io.edgemesh.firewall.detect.Detector;
import io.edgemesh.firewall.detect.InjectionClassifier;
import io.edgemesh.firewall.detect.InjectionModel;
import io.edgemesh.firewall.detect.InjectionRules;
import io.edgemesh.firewall.detect.ModerationRules;
import io.edgemesh.firewall.pii.PiiRedactor;
import io.edgemesh.tinyml.embed.MiniLm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The evaluation of issue 6 through the product's own {@link Firewall} (same detectors, model and
 * thresholds as the function; no session state, as for {@code guard}). Not part of the normal run;
 * invoke explicitly:
 * <pre>./mvnw -B -q -o -pl functions/firewall test -Dtest=EvaluateFirewall -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * It prints the table for BENCHMARKS.md and writes the misclassified rows' ids/line numbers (never
 * their text) to {@code target/firewall-eval-errors.txt}. Nothing here feeds back into thresholds.
 */
class EvaluateFirewall {

    record Row(String source, int line, String text, boolean attack) { }

    @Test
    void evaluate() throws Exception {
        Path data = root().resolve("../shared/data").normalize();
        List<Row> deepsetAttack = new ArrayList<>();
        List<Row> deepsetBenign = new ArrayList<>();
        List<String> lines = Files.readAllLines(data.resolve("prompt-injection/deepset_train.jsonl"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            JsonNode n = Json.parse(lines.get(i));
            (n.path("label").asInt() == 1 ? deepsetAttack : deepsetBenign)
                    .add(new Row("deepset", i + 1, n.path("text").asText(), n.path("label").asInt() == 1));
        }
        List<Row> jailbreaks = new ArrayList<>();
        lines = Files.readAllLines(data.resolve("prompt-injection/jailbreaks_dev.jsonl"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            JsonNode n = Json.parse(lines.get(i));
            jailbreaks.add(new Row("jailbreaks", i + 1, n.path("text").asText(), true));
        }
        List<Row> banking = new ArrayList<>();
        List<List<String>> csv = csv(Files.readString(data.resolve("benign/banking77.csv")));
        for (int i = 1; i < csv.size(); i++) {
            if (!csv.get(i).get(0).isBlank()) banking.add(new Row("banking77", i + 1, csv.get(i).get(0), false));
        }

        List<Detector> rules = List.of(new InjectionRules(), new ModerationRules());
        InjectionClassifier classifier = new InjectionClassifier(MiniLm.embedder(), InjectionModel.load());
        Firewall firewall = new Firewall(rules, classifier, new PiiRedactor(), null, AnomalyPolicy.DEFAULT, e -> { }, Clock.systemUTC());
        Firewall rulesOnly = new Firewall(rules, null, new PiiRedactor(), null, AnomalyPolicy.DEFAULT, e -> { }, Clock.systemUTC());

        // warm-up so the first rows do not carry class loading and ONNX graph optimisation
        for (int i = 0; i < 200; i++) firewall.check(check(banking.get(i % banking.size()).text()));

        StringBuilder errors = new StringBuilder();
        List<Long> nanos = new ArrayList<>();
        List<Long> shortNanos = new ArrayList<>();
        List<Long> longNanos = new ArrayList<>();
        String header = String.format(Locale.ROOT, "| %-34s | %5s | %7s | %7s | %10s |", "set", "rows", "blocked", "rate", "rules only");
        StringBuilder table = new StringBuilder(header).append('\n').append("|---|---:|---:|---:|---:|\n");
        double[] rates = new double[4];
        int k = 0;
        for (var set : List.of(List.of("deepset_train label 1 (TPR)", deepsetAttack), List.of("jailbreaks_dev (TPR)", jailbreaks),
                List.of("deepset_train label 0 (FPR)", deepsetBenign), List.of("banking77 (FPR)", banking))) {
            @SuppressWarnings("unchecked") List<Row> rows = (List<Row>) set.get(1);
            int blocked = 0;
            int blockedRules = 0;
            for (Row r : rows) {
                long t0 = System.nanoTime();
                Verdict v = firewall.check(check(r.text()));
                long took = System.nanoTime() - t0;
                nanos.add(took);
                (r.text().length() <= SHORT_CHARS ? shortNanos : longNanos).add(took);
                if (v.blocked()) blocked++;
                if (rulesOnly.check(check(r.text())).blocked()) blockedRules++;
                if (v.blocked() != r.attack()) {
                    errors.append(r.source()).append(" line ").append(r.line()).append(r.attack() ? " missed " : " blocked ")
                            .append(v.categories()).append('\n');
                }
            }
            rates[k++] = (double) blocked / rows.size();
            table.append(String.format(Locale.ROOT, "| %-34s | %5d | %7d | %7.3f | %10.3f |%n", set.get(0), rows.size(), blocked,
                    (double) blocked / rows.size(), (double) blockedRules / rows.size()));
        }
        int attacks = deepsetAttack.size() + jailbreaks.size();
        int benign = deepsetBenign.size() + banking.size();
        double tpr = (rates[0] * deepsetAttack.size() + rates[1] * jailbreaks.size()) / attacks;
        double fpr = (rates[2] * deepsetBenign.size() + rates[3] * banking.size()) / benign;
        table.append(String.format(Locale.ROOT, "%nall attacks TPR %.3f (%d rows), all benign FPR %.3f (%d rows), balanced accuracy %.3f%n",
                tpr, attacks, fpr, benign, (tpr + 1 - fpr) / 2));
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        table.append(String.format(Locale.ROOT, "latency per check over %d checks: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                sorted.length, pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6));
        table.append(latency("messages of at most " + SHORT_CHARS + " chars", shortNanos));
        table.append(latency("messages longer than " + SHORT_CHARS + " chars", longNanos));
        table.append("load average at the end: ").append(Files.readString(Path.of("/proc/loadavg")).strip())
                .append(", processors: ").append(Runtime.getRuntime().availableProcessors()).append('\n');
        System.out.println(table);
        Files.writeString(Path.of("target/firewall-eval-errors.txt"), errors.toString());
        Files.writeString(Path.of("target/firewall-eval.md"), table.toString());
        assertThat(sorted).hasSize(attacks + benign);
    }

    static final int SHORT_CHARS = 500;

    /**
     * Latency only, and the process CPU time per check (all threads, ONNX's included), which a busy
     * shared machine inflates far less than wall-clock time:
     * {@code -Dtest=EvaluateFirewall#latency}.
     */
    @Test
    void latency() throws Exception {
        Path data = root().resolve("../shared/data").normalize();
        List<List<String>> csv = csv(Files.readString(data.resolve("benign/banking77.csv")));
        List<String> shortTexts = new ArrayList<>();
        for (int i = 1; i < csv.size() && shortTexts.size() < 1000; i++) shortTexts.add(csv.get(i).get(0));
        List<String> longTexts = new ArrayList<>();
        for (String l : Files.readAllLines(data.resolve("prompt-injection/jailbreaks_dev.jsonl"))) {
            if (!l.isBlank() && longTexts.size() < 150) longTexts.add(Json.parse(l).path("text").asText());
        }
        Firewall firewall = new Firewall(List.of(new InjectionRules(), new ModerationRules()),
                new InjectionClassifier(MiniLm.embedder(), InjectionModel.load()), new PiiRedactor(), null, AnomalyPolicy.DEFAULT,
                e -> { }, Clock.systemUTC());
        for (int i = 0; i < 300; i++) firewall.check(check(shortTexts.get(i)));
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        StringBuilder out = new StringBuilder();
        for (var set : List.of(List.of("short (banking77, first 1000)", shortTexts), List.of("long (jailbreaks_dev, first 150)", longTexts))) {
            @SuppressWarnings("unchecked") List<String> texts = (List<String>) set.get(1);
            List<Long> nanos = new ArrayList<>();
            long cpu0 = os.getProcessCpuTime();
            for (String t : texts) {
                long t0 = System.nanoTime();
                firewall.check(check(t));
                nanos.add(System.nanoTime() - t0);
            }
            double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / texts.size();
            out.append(latency(set.get(0) + ", wall", nanos))
                    .append(String.format(Locale.ROOT, "    process CPU per check %.2f ms%n", cpuMs));
        }
        out.append("load average: ").append(Files.readString(Path.of("/proc/loadavg")).strip()).append('\n');
        System.out.println(out);
        Files.writeString(Path.of("target/firewall-latency.md"), out.toString());
        assertThat(out).contains("CPU");
    }

    private static String latency(String what, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) return "";
        return String.format(Locale.ROOT, "  %s (%d): p50 %.2f ms, p99 %.2f ms%n", what, sorted.length, pct(sorted, 0.5), pct(sorted, 0.99));
    }

    private static Firewall.Check check(String text) {
        String t = text.length() > Firewall.MAX_TEXT_CHARS ? text.substring(0, Firewall.MAX_TEXT_CHARS) : text;
        return new Firewall.Check("eval", null, t, null, null, "guard");
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> csv(String s) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') { f.append('"'); i++; }
                else if (c == '"') quoted = false;
                else f.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString()); f.setLength(0);
            } else if (c == '\n') {
                row.add(f.toString()); f.setLength(0); rows.add(row); row = new ArrayList<>();
            } else if (c != '\r') {
                f.append(c);
            }
        }
        if (f.length() > 0 || !row.isEmpty()) { row.add(f.toString()); rows.add(row); }
        return rows;
    }

    static Path root() {
        String prop = System.getProperty("edgemesh.root");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("project root (with mvnw) not found");
        return p;
    }

}
