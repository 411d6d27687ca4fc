package io.edgemesh.orchestrator.tools;

import java.time.Instant;

/** Hand-offs to a human, kept per tenant for the tenant's staff to pick up. */
public interface EscalationStore {
    void create(String tenantId, String escalationId, String sessionId, String reason, Instant at);
}
