package io.edgemesh.llm.router;

/**
 * How an answer was produced, returned to the visitor's client as {@code usage}: the provider and
 * model that answered, the route ({@code <tier>#<position>}), why that route was taken, and what it cost.
 */
public record Usage(String provider, String model, String route, String reason, long latencyMs, int inputTokens,
                    int outputTokens, double costUsd) { }
