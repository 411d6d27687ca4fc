package io.edgemesh.orchestrator.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.orchestrator.chat.ChatReply;
import io.edgemesh.orchestrator.chat.ChatRequest;
import io.edgemesh.orchestrator.chat.ChatService;
import io.edgemesh.orchestrator.chat.Citation;
import io.edgemesh.orchestrator.chat.IntentClassifier;
import io.edgemesh.orchestrator.chat.KnowledgeSearch;
import io.edgemesh.orchestrator.chat.RelevanceGate;
import io.edgemesh.orchestrator.chat.SearchHit;
import io.edgemesh.orchestrator.chat.TenantDirectory;
import io.edgemesh.orchestrator.session.Session;
import io.edgemesh.orchestrator.session.SessionStore;
import io.edgemesh.orchestrator.tools.SearchKnowledgeTool;
import io.edgemesh.orchestrator.tools.ToolRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layer 6's abstention on CLAPNQ (300 answerable questions, each with one gold passage, and 300
 * unanswerable ones whose topical passages are in the corpus too), through {@link ChatService} itself:
 * readiness, session, intent, {@code search_knowledge}, {@link RelevanceGate}, Layer 5's router with the
 * extractive provider, citations. Layers 4 and 5 run in-process from their own classes ({@link InProcessLayers}).
 *
 * <p>The headline is the product's default gate ({@link RelevanceGate#defaults()}), which was not chosen
 * on this set; other thresholds only show the trade-off. The lexical row strips every similarity, i.e.
 * the gate's fallback alone (what an older search function without {@code similarity} gets). Run: {@code ./mvnw -B -q -o -pl functions/orchestrator test -Dtest=AbstentionEvaluation
 * -Dsurefire.failIfNoSpecifiedTests=false}; the table is printed and written to
 * {@code target/eval/abstention-clapnq.md}.
 */
class AbstentionEvaluation {
    private static final double[] CURVE = {0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65};
    /** What ChatService asks Layer 4 for. */
    private static final int SEARCH_K = 8;

    @TempDir Path indexRoot;

    private record Outcome(ClapNq.Query query, ChatReply reply) { }

    private record Row(String gate, int answered, int goldCited, int abstained, int answerable, int unanswerable,
                       int answersWithoutCitation, Map<String, Long> intents) {
        double answeredRate() { return (double) answered / answerable; }
        double goldRate() { return (double) goldCited / answerable; }
        double abstainRate() { return (double) abstained / unanswerable; }
        double balanced() { return (answeredRate() + abstainRate()) / 2; }
    }

    @Test
    void theDefaultRelevanceGateAnswersAnswerableQuestionsAndAbstainsOnUnanswerableOnesBetterThanChance() throws IOException {
        // GIVEN the CLAPNQ corpus indexed for one ready tenant through Layer 4's own classes
        ClapNq data = ClapNq.load(ClapNq.sharedData().resolve("retrieval").resolve("clapnq"));
        List<ClapNq.Query> answerable = data.queries().stream().filter(ClapNq.Query::answerable).toList();
        List<ClapNq.Query> unanswerable = data.queries().stream().filter(q -> !q.answerable()).toList();
        Set<String> corpusIds = data.corpus().stream().map(ClapNq.Passage::id).collect(Collectors.toSet());
        assertThat(answerable).hasSize(300);
        assertThat(unanswerable).hasSize(300);
        assertThat(answerable).allSatisfy(q -> assertThat(corpusIds).contains(data.goldPassage().get(q.id())));

        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long t0 = System.nanoTime();
        try (InProcessLayers layers = InProcessLayers.index(data.corpus(), indexRoot)) {
            double indexSeconds = seconds(t0);
            KnowledgeSearch search = memo(layers.search());

            // retrieval alone, once: is the gold passage among what the gate gets to judge?
            long t1 = System.nanoTime();
            int goldRetrieved = 0;
            long hitsJudged = 0, hitsWithoutSimilarity = 0;
            List<Double> topAnswerable = new ArrayList<>();
            List<Double> topUnanswerable = new ArrayList<>();
            for (ClapNq.Query q : data.queries()) {
                List<SearchHit> hits = search.search(InProcessLayers.TENANT, q.text(), SEARCH_K, null);
                double top = hits.stream().mapToDouble(SearchHit::similarity).filter(x -> !Double.isNaN(x)).max().orElse(0);
                hitsJudged += hits.size();
                hitsWithoutSimilarity += hits.stream().filter(h -> Double.isNaN(h.similarity())).count();
                (q.answerable() ? topAnswerable : topUnanswerable).add(top);
                if (q.answerable() && hits.stream().anyMatch(h -> h.documentId().equals(data.goldPassage().get(q.id())))) goldRetrieved++;
            }
            double searchSeconds = seconds(t1);

            // WHEN every question is asked through ChatService, with the default gate and along the curve
            long t2 = System.nanoTime();
            Row headline = run("similarity ≥ " + RelevanceGate.defaults().minSimilarity() + " (default)",
                    RelevanceGate.defaults(), search, layers, data);
            double headlineSeconds = seconds(t2);
            List<Row> rows = new ArrayList<>();
            for (double t : CURVE) {
                if (t == RelevanceGate.defaults().minSimilarity()) continue; // the headline row already
                rows.add(run(String.format(Locale.ROOT, "similarity ≥ %.2f", t), new RelevanceGate(t, 0.5), search, layers, data));
            }
            KnowledgeSearch withoutSimilarity = (tenant, query, k, tp) -> search.search(tenant, query, k, tp).stream()
                    .map(h -> new SearchHit(h.documentId(), h.filename(), h.page(), h.text(), h.score(), Double.NaN)).toList();
            rows.add(run("similarity removed: lexical coverage ≥ 0.5 (fallback only)", RelevanceGate.defaults(), withoutSimilarity, layers, data));

            String report = report(data, layers.chunks(), headline, rows, goldRetrieved, hitsWithoutSimilarity, hitsJudged,
                    topAnswerable, topUnanswerable,
                    indexSeconds, searchSeconds, headlineSeconds, seconds(t0), loadBefore);
            System.out.println(report);
            Path out = Path.of("target", "eval", "abstention-clapnq.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);

            // THEN every answer cites a passage, and the product's gate separates the two sets better than a coin would
            assertThat(headline.answersWithoutCitation()).as("answers without a citation").isZero();
            assertThat(headline.balanced()).as("balanced accuracy of the default gate").isGreaterThan(0.5);
        }
    }

    private static Row run(String label, RelevanceGate gate, KnowledgeSearch search, InProcessLayers layers, ClapNq data) {
        TenantDirectory tenants = id -> Optional.of(new TenantDirectory.TenantInfo(id, "ready", 0, 0, 24));
        ChatService chat = new ChatService(tenants, new MemorySessions(), new ToolRegistry(List.of(new SearchKnowledgeTool(search))),
                layers.generator(), gate, new IntentClassifier(), Clock.systemUTC());
        List<Outcome> outcomes = new ArrayList<>();
        for (ClapNq.Query q : data.queries()) {
            // a fresh session per question: no earlier turn may leak into the retrieval query
            ChatReply reply = chat.chat(new ChatRequest(InProcessLayers.TENANT, "s-" + q.id(), q.text(), "en", 0), null);
            outcomes.add(new Outcome(q, reply));
        }
        int answered = 0, gold = 0, abstained = 0, answerable = 0, unanswerable = 0, uncited = 0;
        for (Outcome o : outcomes) {
            if (o.reply().grounded() && o.reply().citations().isEmpty()) uncited++;
            if (o.query().answerable()) {
                answerable++;
                if (o.reply().grounded()) {
                    answered++;
                    String g = data.goldPassage().get(o.query().id());
                    if (o.reply().citations().stream().map(Citation::documentId).anyMatch(g::equals)) gold++;
                }
            } else {
                unanswerable++;
                if (!o.reply().grounded()) abstained++;
            }
        }
        Map<String, Long> intents = outcomes.stream().collect(Collectors.groupingBy(o -> o.reply().intent(), Collectors.counting()));
        return new Row(label, answered, gold, abstained, answerable, unanswerable, uncited, intents);
    }

    private static String report(ClapNq data, int chunks, Row headline, List<Row> rows, int goldRetrieved,
                                 long hitsWithoutSimilarity, long hitsJudged,
                                 List<Double> topAnswerable, List<Double> topUnanswerable,
                                 double indexSeconds, double searchSeconds, double headlineSeconds, double totalSeconds,
                                 double loadBefore) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "CLAPNQ: %d passages -> %d chunks; %d answerable, %d unanswerable questions; intents at the default gate: %s%n",
                data.corpus().size(), chunks, headline.answerable(), headline.unanswerable(), headline.intents()));
        sb.append(String.format(Locale.ROOT, "gold passage among the %d hits the gate judges (hybrid search): %d/300 = %.3f%n",
                SEARCH_K, goldRetrieved, goldRetrieved / 300.0));
        sb.append(String.format(Locale.ROOT, "hits without a similarity (not among the semantic candidates; judged lexically): %d/%d%n",
                hitsWithoutSimilarity, hitsJudged));
        sb.append(String.format(Locale.ROOT, "best hit's cosine similarity, median [p10-p90]: answerable %s, unanswerable %s%n%n",
                spread(topAnswerable), spread(topUnanswerable)));
        sb.append("| gate | answered (answerable) | gold passage cited (answerable) | abstained (unanswerable) | balanced accuracy |\n");
        sb.append("|---|---|---|---|---|\n");
        List<Row> all = new ArrayList<>();
        all.add(headline);
        all.addAll(rows);
        for (Row r : all) {
            sb.append(String.format(Locale.ROOT, "| %s | %d/%d = %.3f | %d/%d = %.3f | %d/%d = %.3f | %.3f |%n", r.gate(),
                    r.answered(), r.answerable(), r.answeredRate(), r.goldCited(), r.answerable(), r.goldRate(),
                    r.abstained(), r.unanswerable(), r.abstainRate(), r.balanced()));
        }
        sb.append(String.format(Locale.ROOT, "%ntiming: index %.1f s (MiniLM over every chunk), retrieval of 600 questions %.1f s, "
                + "600 chat turns at the default gate %.2f s, whole evaluation %.1f s; %d cores, load average %.1f before, %.1f after%n",
                indexSeconds, searchSeconds, headlineSeconds, totalSeconds, Runtime.getRuntime().availableProcessors(),
                loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        return sb.toString();
    }

    private static String spread(List<Double> xs) {
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "%.3f [%.3f-%.3f]", s[s.length / 2], s[s.length / 10], s[s.length * 9 / 10]);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Retrieval does not depend on the gate: each question is searched once and replayed for every row. */
    private static KnowledgeSearch memo(KnowledgeSearch inner) {
        Map<String, List<SearchHit>> seen = new ConcurrentHashMap<>();
        return (tenant, query, k, tp) -> seen.computeIfAbsent(tenant + "|" + k + "|" + query, x -> inner.search(tenant, query, k, tp));
    }

    /** Sessions in memory with the same optimistic-lock contract as the DynamoDB store. */
    private static final class MemorySessions implements SessionStore {
        private final Map<String, Session> rows = new ConcurrentHashMap<>();

        @Override public Optional<Session> find(String tenantId, String sessionId) {
            return Optional.ofNullable(rows.get(tenantId + "#" + sessionId));
        }

        @Override public boolean save(Session s) {
            String key = s.tenantId() + "#" + s.sessionId();
            Session prev = rows.get(key);
            if (prev != null && prev.version() != s.version()) return false;
            rows.put(key, new Session(s.tenantId(), s.sessionId(), s.trustLevel(), s.turns(), s.createdAt(), s.expiresAt(), s.version() + 1));
            return true;
        }
    }
}
