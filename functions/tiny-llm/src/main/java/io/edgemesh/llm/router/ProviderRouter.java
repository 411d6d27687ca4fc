package io.edgemesh.llm.router;

import io.edgemesh.common.ApiException;
import io.edgemesh.common.ErrorCodes;
import io.edgemesh.llm.provider.Completion;
import io.edgemesh.llm.provider.CompletionRequest;
import io.edgemesh.llm.provider.Provider;
import io.edgemesh.llm.provider.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks a provider for each request and survives its failures: the policy's tier gives ordered
 * routes; routes whose provider is not configured, not allowed by the tenant's privacy, open-circuited
 * or over the tenant's monthly budget are skipped with a recorded reason; retryable failures are
 * retried with exponential backoff and full jitter, then the next route is tried. Every call is
 * accounted in the {@link BudgetLedger}.
 */
public final class ProviderRouter {

    /** Sleeps between retries; a test passes one that records instead of sleeping. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final RoutingPolicy policy;
    private final Map<String, Provider> providers;
    private final BudgetLedger ledger;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public ProviderRouter(RoutingPolicy policy, List<Provider> providers, BudgetLedger ledger, Clock clock, Sleeper sleeper) {
        this.policy = policy;
        Map<String, Provider> m = new ConcurrentHashMap<>();
        providers.forEach(p -> m.put(p.id(), p));
        this.providers = Map.copyOf(m);
        this.ledger = ledger;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Answers {@code request} for {@code intent}.
     *
     * @param monthlyTokenBudget the tenant's monthly token budget for remote providers; 0 = unlimited
     * @throws ApiException 402 {@code budget_exceeded} when only remote routes exist and the budget is spent;
     *                      502 {@code upstream_unavailable} when every route failed
     */
    public RoutedAnswer answer(String intent, CompletionRequest request, long monthlyTokenBudget) {
        String tenant = request.tenantId();
        String tier = policy.tierFor(intent);
        List<RoutingPolicy.Route> routes = policy.routes(tenant, tier);
        boolean localOnly = policy.localOnly(tenant);
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        boolean budgetSpent = monthlyTokenBudget > 0 && ledger.usedTokens(tenant, month) >= monthlyTokenBudget;

        List<String> skipped = new ArrayList<>();
        boolean skippedForBudget = false;
        for (int i = 0; i < routes.size(); i++) {
            RoutingPolicy.Route route = routes.get(i);
            String label = tier + "#" + (i + 1);
            Provider provider = providers.get(route.provider());
            if (provider == null) {
                skipped.add(route.provider() + " not configured");
                continue;
            }
            if (localOnly && !provider.local()) {
                skipped.add(route.provider() + " excluded by local-only privacy");
                continue;
            }
            if (budgetSpent && !provider.local()) {
                skipped.add(route.provider() + " skipped: monthly token budget spent");
                skippedForBudget = true;
                continue;
            }
            CircuitBreaker breaker = breakers.computeIfAbsent(route.provider(),
                    k -> new CircuitBreaker(policy.circuit().failureThreshold(), policy.circuit().openMs(), clock::millis));
            if (!breaker.allow()) {
                skipped.add(route.provider() + " circuit open");
                continue;
            }
            long start = System.nanoTime();
            try {
                Completion c = callWithRetries(provider, request.withModel(route.model()), breaker);
                long latencyMs = (System.nanoTime() - start) / 1_000_000;
                double cost = policy.price(route.model()).cost(c.inputTokens(), c.outputTokens());
                ledger.record(tenant, month, provider.id(), c.inputTokens(), c.outputTokens(), cost, !provider.local());
                String reason = (i == 0 ? "primary route of tier " + tier : "fallback in tier " + tier)
                        + (skipped.isEmpty() ? "" : " (" + String.join("; ", skipped) + ")");
                return new RoutedAnswer(c.text(), c.citedRefs(),
                        new Usage(provider.id(), route.model(), label, reason, latencyMs, c.inputTokens(), c.outputTokens(), cost));
            } catch (ProviderException e) {
                skipped.add(route.provider() + " failed: " + e.getMessage());
            }
        }
        if (skippedForBudget) {
            throw new ApiException(402, ErrorCodes.BUDGET_EXCEEDED,
                    "the tenant's monthly token budget of " + monthlyTokenBudget + " is spent and no local route is configured",
                    Map.of("budget", monthlyTokenBudget));
        }
        throw new ApiException(502, ErrorCodes.UPSTREAM_UNAVAILABLE, "no provider could answer: " + String.join("; ", skipped));
    }

    private Completion callWithRetries(Provider provider, CompletionRequest request, CircuitBreaker breaker) {
        RoutingPolicy.Retry retry = policy.retry();
        ProviderException last = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            try {
                Completion c = provider.complete(request, policy.timeout(provider.id()));
                breaker.success();
                return c;
            } catch (ProviderException e) {
                breaker.failure();
                last = e;
                if (!e.retryable() || attempt == retry.maxAttempts() || !breaker.allow()) break;
                // full jitter: uniform in [0, min(max, base * 2^(attempt-1))]
                long cap = Math.min(retry.maxDelayMs(), retry.baseDelayMs() << (attempt - 1));
                try {
                    sleeper.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1)));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }

    /** The breaker state of a provider (for health and tests). */
    public CircuitBreaker.State circuit(String provider) {
        CircuitBreaker b = breakers.get(provider);
        return b == null ? CircuitBreaker.State.CLOSED : b.state();
    }
}
