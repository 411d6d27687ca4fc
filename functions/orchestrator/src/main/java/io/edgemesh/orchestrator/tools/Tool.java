package io.edgemesh.orchestrator.tools;

import com.fasterxml.jackson.databind.JsonNode;

/** A capability the orchestrator (or an MCP client through Layer 7) may use on a tenant's behalf. */
public interface Tool {
    String name();

    String description();

    TrustLevel minimumTrust();

    /** Runs the tool; arguments are untrusted JSON and are validated by the tool. */
    JsonNode run(ToolContext context, JsonNode arguments);
}
