package io.edgemesh.llm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import io.edgemesh.llm.provider.Completion;
import io.edgemesh.llm.provider.CompletionRequest;
import io.edgemesh.llm.provider.ExtractiveProvider;
import io.edgemesh.llm.provider.Passage;
import io.edgemesh.llm.provider.Provider;
import io.edgemesh.llm.router.InMemoryBudgetLedger;
import io.edgemesh.llm.router.ProviderRouter;
import io.edgemesh.llm.router.RoutedAnswer;
import io.edgemesh.llm.router.RoutingPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The router's own cost per answer, sampled per call ({@link Mode#SampleTime}) so p50/p99 come out of
 * JMH's histogram. Scenarios ({@code route}):
 * <ul>
 *   <li>{@code primary}: an instant remote provider registered as {@code openai}, the first route of the
 *       {@code standard} tier; the budget check reads the ledger and the call is recorded against it;</li>
 *   <li>{@code fallback}: an instant provider registered as {@code extractive} while openai and bedrock are
 *       not configured, i.e. the local edge's route: two skips with reasons, then the third route;</li>
 *   <li>{@code extractive}: the real {@link ExtractiveProvider} on a four-passage request through the same
 *       fallback route, with {@link #extractiveAlone} as the provider's cost without the router.</li>
 * </ul>
 * The budget is finite (so the ledger is read) but never reached; the clock is the system clock, as in
 * production.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class RouterOverheadBenchmark {
    private static final long BUDGET = Long.MAX_VALUE / 2;

    @Param({"primary", "fallback", "extractive"})
    public String route;

    private ProviderRouter router;
    private CompletionRequest request;
    private ExtractiveProvider extractive;

    /** Answers at once with a fixed completion: what remains of a call is the router. */
    record Instant(String id, boolean local) implements Provider {
        private static final Completion ANSWER = new Completion("Card refunds reach the card within five to ten business days. [1]",
                List.of(1), 480, 16, false);

        @Override public Completion complete(CompletionRequest r, Duration timeout) { return ANSWER; }
    }

    @Setup
    public void setUp() {
        request = fourPassages();
        extractive = new ExtractiveProvider();
        Provider provider = switch (route) {
            case "primary" -> new Instant("openai", false);
            case "fallback" -> new Instant("extractive", true);
            case "extractive" -> extractive;
            default -> throw new IllegalArgumentException(route);
        };
        router = new ProviderRouter(RoutingPolicy.defaults(), List.of(provider), new InMemoryBudgetLedger(),
                Clock.systemUTC(), d -> { throw new IllegalStateException("no retry expected"); });
        RoutedAnswer probe = router.answer("faq", request, BUDGET);
        if (probe.answer().isBlank() || probe.citedRefs().isEmpty()) throw new IllegalStateException("no answer from " + route);
    }

    @Benchmark
    public RoutedAnswer routerAnswer() {
        return router.answer("faq", request, BUDGET);
    }

    @Benchmark
    public Completion extractiveAlone() {
        return extractive.complete(request, Duration.ofSeconds(1));
    }

    /** The request GenerateHandler builds from the orchestrator's four relevant passages. */
    static CompletionRequest fourPassages() {
        try (InputStream in = RouterOverheadBenchmark.class.getResourceAsStream("four-passages.json")) {
            if (in == null) throw new IllegalStateException("four-passages.json missing");
            JsonNode n = Json.MAPPER.readTree(in);
            List<Passage> ps = new ArrayList<>();
            for (JsonNode p : n.path("passages")) {
                ps.add(new Passage(ps.size() + 1, p.path("documentId").asText(), p.path("filename").asText(),
                        p.path("page").asInt(), p.path("text").asText(), p.path("score").asDouble()));
            }
            return new CompletionRequest("bench-tenant", n.path("question").asText(), ps, n.path("locale").asText(), null, 400);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
