package io.edgemesh.llm.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgemesh.common.ApiException;
import io.edgemesh.llm.provider.Completion;
import io.edgemesh.llm.provider.CompletionRequest;
import io.edgemesh.llm.provider.ExtractiveProvider;
import io.edgemesh.llm.provider.Passage;
import io.edgemesh.llm.provider.Provider;
import io.edgemesh.llm.provider.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ProviderRouterTest {

    private static final String POLICY = """
            {"defaultTier":"standard","intents":{"greeting":"small"},
             "tiers":{"small":[{"provider":"extractive","model":"ex"}],
                      "standard":[{"provider":"remote","model":"m1"},{"provider":"extractive","model":"ex"}],
                      "remoteOnly":[{"provider":"remote","model":"m1"}]},
             "intentsNote":"", "prices":{"ex":{"inputPer1k":0,"outputPer1k":0},"m1":{"inputPer1k":1.0,"outputPer1k":2.0}},
             "timeoutsMs":{"remote":500},"retry":{"maxAttempts":3,"baseDelayMs":100,"maxDelayMs":1000},
             "circuit":{"failureThreshold":3,"openMs":10000},
             "tenants":{"private-co":{"privacy":"local-only"},"remote-co":{"tiers":{"standard":[{"provider":"remote","model":"m1"}]}}}}""";

    /** A scripted remote provider: each call takes the next outcome. */
    static final class Scripted implements Provider {
        final Deque<Supplier<Completion>> outcomes = new ArrayDeque<>();
        int calls;

        @Override public String id() { return "remote"; }
        @Override public boolean local() { return false; }
        @Override public Completion complete(CompletionRequest r, Duration t) {
            calls++;
            Supplier<Completion> next = outcomes.isEmpty() ? () -> ok() : outcomes.poll();
            return next.get();
        }
        static Completion ok() { return new Completion("remote answer [1]", List.of(1), 1000, 500, false); }
    }

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final List<Duration> sleeps = new ArrayList<>();
    private final Scripted remote = new Scripted();
    private final InMemoryBudgetLedger ledger = new InMemoryBudgetLedger();
    private final ProviderRouter router = new ProviderRouter(RoutingPolicy.parse(POLICY),
            List.of(remote, new ExtractiveProvider()), ledger, clock, sleeps::add);

    private static CompletionRequest req(String tenant) {
        return new CompletionRequest(tenant, "return window?",
                List.of(new Passage(1, "d", "returns.pdf", 2, "The return window is 30 days.", 1.0)), "en", null, 200);
    }

    private static Supplier<Completion> fail(boolean retryable, int status) {
        return () -> { throw new ProviderException("remote " + status, retryable, status); };
    }

    @Test
    void primary_route_answers_and_its_usage_and_cost_are_accounted() {
        RoutedAnswer a = router.answer("faq", req("acme"), 0);
        assertThat(a.usage().provider()).isEqualTo("remote");
        assertThat(a.usage().route()).isEqualTo("standard#1");
        assertThat(a.usage().reason()).startsWith("primary route of tier standard");
        // 1000 in at $1/1k + 500 out at $2/1k
        assertThat(a.usage().costUsd()).isEqualTo(2.0);
        assertThat(ledger.usedTokens("acme", YearMonth.of(2026, 11))).isEqualTo(1500);
    }

    @Test
    void retryable_failures_are_retried_with_jittered_backoff_then_succeed() {
        remote.outcomes.add(fail(true, 503));
        remote.outcomes.add(fail(true, 0));
        RoutedAnswer a = router.answer("faq", req("acme"), 0);
        assertThat(remote.calls).isEqualTo(3);
        assertThat(a.usage().provider()).isEqualTo("remote");
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(100));
        assertThat(sleeps.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(200));
    }

    @Test
    void a_non_retryable_failure_falls_back_at_once_and_says_why() {
        remote.outcomes.add(fail(false, 400));
        RoutedAnswer a = router.answer("faq", req("acme"), 0);
        assertThat(remote.calls).isEqualTo(1);
        assertThat(sleeps).isEmpty();
        assertThat(a.usage().provider()).isEqualTo("extractive");
        assertThat(a.usage().route()).isEqualTo("standard#2");
        assertThat(a.usage().reason()).contains("fallback").contains("remote failed: remote 400");
        assertThat(a.answer()).contains("30 days");
    }

    @Test
    void the_circuit_opens_after_repeated_failures_and_skips_the_provider() {
        for (int i = 0; i < 3; i++) remote.outcomes.add(fail(true, 500));
        router.answer("faq", req("acme"), 0);   // three attempts fail -> circuit opens, fallback answers
        assertThat(router.circuit("remote")).isEqualTo(CircuitBreaker.State.OPEN);
        int before = remote.calls;
        RoutedAnswer a = router.answer("faq", req("acme"), 0);
        assertThat(remote.calls).isEqualTo(before);
        assertThat(a.usage().reason()).contains("remote circuit open");
    }

    @Test
    void local_only_privacy_never_calls_a_remote_provider() {
        RoutedAnswer a = router.answer("faq", req("private-co"), 0);
        assertThat(remote.calls).isZero();
        assertThat(a.usage().provider()).isEqualTo("extractive");
        assertThat(a.usage().reason()).contains("excluded by local-only privacy");
    }

    @Test
    void a_spent_budget_routes_to_the_local_provider_or_fails_clearly() {
        router.answer("faq", req("remote-co"), 1000);  // uses 1500 tokens, over the 1000 budget
        RoutedAnswer local = router.answer("faq", req("acme"), 1);
        assertThat(local.usage().provider()).isEqualTo("remote"); // acme has spent nothing yet
        assertThatThrownBy(() -> router.answer("faq", req("remote-co"), 1000))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(402);
                    assertThat(e.code()).isEqualTo("budget_exceeded");
                });
        router.answer("faq", req("acme"), 0);
        RoutedAnswer fallback = router.answer("faq", req("acme"), 1500);
        assertThat(fallback.usage().provider()).isEqualTo("extractive");
        assertThat(fallback.usage().reason()).contains("monthly token budget spent");
    }

    @Test
    void intents_choose_tiers() {
        RoutedAnswer a = router.answer("greeting", req("acme"), 0);
        assertThat(a.usage().route()).isEqualTo("small#1");
        assertThat(remote.calls).isZero();
    }

    @Test
    void every_route_failing_is_a_502_with_the_reasons() {
        ProviderRouter only = new ProviderRouter(RoutingPolicy.parse(POLICY.replace("\"defaultTier\":\"standard\"", "\"defaultTier\":\"remoteOnly\"")),
                List.of(remote), ledger, clock, sleeps::add);
        for (int i = 0; i < 3; i++) remote.outcomes.add(fail(true, 502));
        assertThatThrownBy(() -> only.answer(null, req("acme"), 0))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.getMessage()).contains("remote failed");
                });
    }
}
