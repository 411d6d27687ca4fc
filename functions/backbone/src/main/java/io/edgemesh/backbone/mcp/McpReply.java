package io.edgemesh.backbone.mcp;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What to send back for one POST: a JSON-RPC response (or batch of them) with 200, or nothing with
 * 202 when the POST held only notifications or responses.
 */
public record McpReply(JsonNode body) {
    public boolean accepted() { return body == null; }
}
