package io.edgemesh.orchestrator.tools;

/** Who a tool runs for: the tenant, the session (may be null for server-side calls), trust and trace. */
public record ToolContext(String tenantId, String sessionId, TrustLevel trust, String traceparent) { }
