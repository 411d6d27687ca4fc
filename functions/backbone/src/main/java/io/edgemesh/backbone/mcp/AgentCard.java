package io.edgemesh.backbone.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgemesh.common.Json;

/**
 * The public A2A agent card ({@code GET /.well-known/agent.json}): what this deployment offers to
 * other agents and how to authenticate. It names no tenant; a caller's secret key picks the tenant.
 * The URL is relative to the Layer 1 origin the card was fetched from.
 */
public final class AgentCard {
    private AgentCard() { }

    public static ObjectNode card(String version) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("protocolVersion", "0.2.5");
        c.put("name", "EdgeMesh knowledge");
        c.put("description", "Answers from a tenant's scanned and indexed documents, with citations, over MCP.");
        c.put("url", "/mcp");
        c.put("preferredTransport", "JSONRPC");
        c.put("version", version);
        c.putObject("capabilities").put("streaming", false).put("pushNotifications", false);
        c.putArray("defaultInputModes").add("text/plain");
        c.putArray("defaultOutputModes").add("text/plain").add("application/json");
        ArrayNode skills = c.putArray("skills");
        skills.addObject().put("id", "search_knowledge").put("name", "Search knowledge")
                .put("description", "Passages from the tenant's documents that answer a question, with document and page.")
                .putArray("tags").add("search").add("rag");
        skills.addObject().put("id", "get_document").put("name", "Get document")
                .put("description", "Status and metadata of one of the tenant's documents.")
                .putArray("tags").add("documents");
        c.putObject("securitySchemes").putObject("secretKey").put("type", "http").put("scheme", "bearer")
                .put("description", "The tenant's secret key (sk_…)");
        c.putArray("security").addObject().putArray("secretKey");
        return c;
    }
}
