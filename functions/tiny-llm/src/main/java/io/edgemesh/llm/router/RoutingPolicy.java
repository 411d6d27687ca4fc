package io.edgemesh.llm.router;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which provider and model answer which request, as data: intents map to tiers, a tier is an
 * ordered list of routes (the first is preferred, the rest are fallbacks), models have prices,
 * providers have timeouts, and tenants may override tiers and set {@code privacy: local-only}.
 * Loaded from JSON (the default ships in the jar; {@code EDGEMESH_LLM_POLICY} replaces it).
 */
public record RoutingPolicy(String defaultTier, Map<String, String> intents, Map<String, List<Route>> tiers,
                            Map<String, Price> prices, Map<String, Duration> timeouts, Retry retry, Circuit circuit,
                            Map<String, TenantOverride> tenants) {

    public record Route(String provider, String model) { }

    public record Price(double inputPer1k, double outputPer1k) {
        public double cost(int in, int out) { return in / 1000.0 * inputPer1k + out / 1000.0 * outputPer1k; }
    }

    public record Retry(int maxAttempts, long baseDelayMs, long maxDelayMs) { }

    public record Circuit(int failureThreshold, long openMs) { }

    /** {@code privacy} is {@code local-only} or {@code any}; {@code tiers} replace the global tiers of that name. */
    public record TenantOverride(String privacy, Map<String, List<Route>> tiers) { }

    public static RoutingPolicy defaults() {
        try (InputStream in = RoutingPolicy.class.getResourceAsStream("/io/edgemesh/llm/default-policy.json")) {
            if (in == null) throw new IllegalStateException("default-policy.json missing from the jar");
            return parse(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RoutingPolicy parse(String json) { return parse(Json.parse(json)); }

    /** Parses and validates a policy; a route naming an unknown tier or a model without a price is rejected. */
    public static RoutingPolicy parse(JsonNode n) {
        Map<String, String> intents = new HashMap<>();
        n.path("intents").fields().forEachRemaining(e -> intents.put(e.getKey(), e.getValue().asText()));
        Map<String, List<Route>> tiers = tiers(n.path("tiers"));
        Map<String, Price> prices = new HashMap<>();
        n.path("prices").fields().forEachRemaining(e -> prices.put(e.getKey(),
                new Price(e.getValue().path("inputPer1k").asDouble(), e.getValue().path("outputPer1k").asDouble())));
        Map<String, Duration> timeouts = new HashMap<>();
        n.path("timeoutsMs").fields().forEachRemaining(e -> timeouts.put(e.getKey(), Duration.ofMillis(e.getValue().asLong())));
        JsonNode r = n.path("retry");
        JsonNode c = n.path("circuit");
        Map<String, TenantOverride> tenants = new HashMap<>();
        n.path("tenants").fields().forEachRemaining(e -> tenants.put(e.getKey(),
                new TenantOverride(e.getValue().path("privacy").asText("any"), tiers(e.getValue().path("tiers")))));
        RoutingPolicy p = new RoutingPolicy(n.path("defaultTier").asText("standard"), Map.copyOf(intents), Map.copyOf(tiers),
                Map.copyOf(prices), Map.copyOf(timeouts),
                new Retry(r.path("maxAttempts").asInt(2), r.path("baseDelayMs").asLong(100), r.path("maxDelayMs").asLong(1000)),
                new Circuit(c.path("failureThreshold").asInt(5), c.path("openMs").asLong(30_000)), Map.copyOf(tenants));
        p.validate();
        return p;
    }

    private static Map<String, List<Route>> tiers(JsonNode node) {
        Map<String, List<Route>> tiers = new HashMap<>();
        node.fields().forEachRemaining(e -> {
            List<Route> routes = new ArrayList<>();
            e.getValue().forEach(x -> routes.add(new Route(x.path("provider").asText(), x.path("model").asText(""))));
            tiers.put(e.getKey(), List.copyOf(routes));
        });
        return tiers;
    }

    private void validate() {
        if (!tiers.containsKey(defaultTier)) throw new IllegalArgumentException("default tier '" + defaultTier + "' is not defined");
        intents.forEach((intent, tier) -> {
            if (!tiers.containsKey(tier)) throw new IllegalArgumentException("intent '" + intent + "' maps to unknown tier '" + tier + "'");
        });
        List<Map<String, List<Route>>> all = new ArrayList<>();
        all.add(tiers);
        tenants.values().forEach(t -> all.add(t.tiers()));
        for (var m : all) {
            for (var e : m.entrySet()) {
                if (e.getValue().isEmpty()) throw new IllegalArgumentException("tier '" + e.getKey() + "' has no routes");
                for (Route route : e.getValue()) {
                    if (!prices.containsKey(route.model())) {
                        throw new IllegalArgumentException("model '" + route.model() + "' in tier '" + e.getKey() + "' has no price");
                    }
                }
            }
        }
        if (retry.maxAttempts() < 1) throw new IllegalArgumentException("retry.maxAttempts must be ≥ 1");
    }

    /** The tier for an intent (unknown or null intents use the default tier). */
    public String tierFor(String intent) {
        return intent == null ? defaultTier : intents.getOrDefault(intent, defaultTier);
    }

    /** The ordered routes of a tier for a tenant, with the tenant's override applied. */
    public List<Route> routes(String tenantId, String tier) {
        return Optional.ofNullable(tenants.get(tenantId)).map(TenantOverride::tiers).map(t -> t.get(tier))
                .orElseGet(() -> tiers.get(tier));
    }

    public boolean localOnly(String tenantId) {
        return Optional.ofNullable(tenants.get(tenantId)).map(t -> "local-only".equals(t.privacy())).orElse(false);
    }

    public Duration timeout(String provider) { return timeouts.getOrDefault(provider, Duration.ofSeconds(10)); }

    public Price price(String model) { return prices.getOrDefault(model, new Price(0, 0)); }
}
