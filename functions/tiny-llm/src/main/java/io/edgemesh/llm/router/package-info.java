/**
 * The provider router of Layer 5: a data policy (intents to tiers, tiers to ordered routes, prices,
 * timeouts, tenant overrides and privacy), retries with backoff and jitter, fallback, a circuit
 * breaker per provider, and per-tenant token and cost accounting against a monthly budget.
 */
package io.edgemesh.llm.router;
