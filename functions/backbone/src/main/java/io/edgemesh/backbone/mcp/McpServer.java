package io.edgemesh.backbone.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgemesh.backbone.documents.Document;
import io.edgemesh.backbone.documents.DocumentIds;
import io.edgemesh.backbone.documents.DocumentStore;
import io.edgemesh.backbone.internal.ApiJson;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.Json;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.Logger;
import java.util.List;

/**
 * A stateless MCP server for one tenant per call. Every message is validated as JSON-RPC 2.0;
 * protocol problems are JSON-RPC errors, tool problems are tool results with {@code isError} (as the
 * MCP specification asks, so a model can read and correct them). The tenant always comes from the
 * verified invocation, never from tool arguments.
 */
public final class McpServer {
    public static final List<String> PROTOCOL_VERSIONS = List.of("2025-06-18", "2025-03-26", "2024-11-05");
    static final int MAX_BATCH = 20;
    static final int MAX_SEARCH_RESULTS = 20;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    private static final Logger LOG = Log.get(McpServer.class);

    private final KnowledgeSearch search;
    private final DocumentStore documents;
    private final String version;

    public McpServer(KnowledgeSearch search, DocumentStore documents, String version) {
        this.search = search;
        this.documents = documents;
        this.version = version;
    }

    public McpReply handle(String tenantId, JsonNode message, String traceparent) {
        if (message != null && message.isArray()) {
            if (message.isEmpty() || message.size() > MAX_BATCH) {
                return new McpReply(error(null, INVALID_REQUEST, "a batch must hold 1 to " + MAX_BATCH + " messages"));
            }
            ArrayNode out = Json.MAPPER.createArrayNode();
            for (JsonNode m : message) {
                JsonNode r = one(tenantId, m, traceparent);
                if (r != null) out.add(r);
            }
            return new McpReply(out.isEmpty() ? null : out);
        }
        return new McpReply(one(tenantId, message, traceparent));
    }

    /** The response to one message, or null for a notification or a client's response. */
    private JsonNode one(String tenantId, JsonNode m, String traceparent) {
        if (m == null || !m.isObject()) return error(null, INVALID_REQUEST, "a message must be a JSON-RPC 2.0 object");
        JsonNode id = m.get("id");
        boolean hasId = id != null && !id.isNull();
        if (hasId && !id.isTextual() && !id.isIntegralNumber()) return error(null, INVALID_REQUEST, "id must be a string or an integer");
        if (!"2.0".equals(m.path("jsonrpc").asText(null))) return error(hasId ? id : null, INVALID_REQUEST, "jsonrpc must be \"2.0\"");
        JsonNode method = m.get("method");
        if (method == null) {
            // a client's response to a server request: this server sends none, so there is nothing to match
            return hasId && (m.has("result") || m.has("error")) ? null : error(hasId ? id : null, INVALID_REQUEST, "method is required");
        }
        if (!method.isTextual()) return error(hasId ? id : null, INVALID_REQUEST, "method must be a string");
        JsonNode params = m.get("params");
        if (params != null && !params.isNull() && !params.isObject()) {
            return hasId ? error(id, INVALID_PARAMS, "params must be an object") : null;
        }
        if (!hasId) return null; // notifications (initialized, cancelled, ...) need no answer
        ObjectNode p = params == null || params.isNull() ? Json.MAPPER.createObjectNode() : (ObjectNode) params;
        try {
            return switch (method.textValue()) {
                case "initialize" -> result(id, initialize(p));
                case "ping" -> result(id, Json.MAPPER.createObjectNode());
                case "tools/list" -> result(id, toolsList());
                case "tools/call" -> callTool(tenantId, id, p, traceparent);
                default -> error(id, METHOD_NOT_FOUND, "method not found: " + abbreviate(method.textValue()));
            };
        } catch (ApiException e) {
            return error(id, INVALID_PARAMS, e.getMessage());
        }
    }

    private ObjectNode initialize(ObjectNode p) {
        String asked = p.path("protocolVersion").asText("");
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("protocolVersion", PROTOCOL_VERSIONS.contains(asked) ? asked : PROTOCOL_VERSIONS.get(0));
        r.putObject("capabilities").putObject("tools").put("listChanged", false);
        r.putObject("serverInfo").put("name", "edgemesh").put("version", version);
        r.put("instructions", "Search this tenant's scanned, indexed documents with search_knowledge and cite the "
                + "documentId and page of each passage; use get_document for a document's status and metadata.");
        return r;
    }

    private static ObjectNode toolsList() {
        ObjectNode r = Json.MAPPER.createObjectNode();
        ArrayNode tools = r.putArray("tools");
        ObjectNode s = tools.addObject().put("name", "search_knowledge")
                .put("description", "Find passages in the tenant's documents that answer a question. Returns the best "
                        + "passages with document id, file name and page, best first.");
        ObjectNode sSchema = s.putObject("inputSchema").put("type", "object");
        ObjectNode sProps = sSchema.putObject("properties");
        sProps.putObject("query").put("type", "string").put("minLength", 1).put("maxLength", 1000)
                .put("description", "The question or keywords, in any language");
        sProps.putObject("limit").put("type", "integer").put("minimum", 1).put("maximum", MAX_SEARCH_RESULTS).put("default", 5)
                .put("description", "How many passages to return");
        sSchema.putArray("required").add("query");
        sSchema.put("additionalProperties", false);
        ObjectNode g = tools.addObject().put("name", "get_document")
                .put("description", "Metadata and status of one of the tenant's documents: file name, type, size, "
                        + "status (awaiting_upload, scanning, indexing, ready, quarantined, failed), reasons, pages.");
        ObjectNode gSchema = g.putObject("inputSchema").put("type", "object");
        gSchema.putObject("properties").putObject("documentId").put("type", "string").put("pattern", DocumentIds.PATTERN.pattern())
                .put("description", "The document id, e.g. from a search_knowledge result");
        gSchema.putArray("required").add("documentId");
        gSchema.put("additionalProperties", false);
        return r;
    }

    private JsonNode callTool(String tenantId, JsonNode id, ObjectNode p, String traceparent) {
        JsonNode name = p.get("name");
        if (name == null || !name.isTextual()) return error(id, INVALID_PARAMS, "params.name must name a tool");
        JsonNode args = p.get("arguments");
        if (args != null && !args.isNull() && !args.isObject()) return error(id, INVALID_PARAMS, "params.arguments must be an object");
        ObjectNode a = args == null || args.isNull() ? Json.MAPPER.createObjectNode() : (ObjectNode) args;
        try {
            return switch (name.textValue()) {
                case "search_knowledge" -> result(id, searchKnowledge(tenantId, a, traceparent));
                case "get_document" -> result(id, getDocument(tenantId, a));
                default -> error(id, INVALID_PARAMS, "unknown tool: " + abbreviate(name.textValue()));
            };
        } catch (ApiException e) {
            LOG.info("tool refused", "tool", name.textValue(), "status", e.status(), "code", e.code());
            String text = e.status() >= 500 ? "the search service is unavailable; try again shortly" : e.getMessage();
            return result(id, toolError(text));
        }
    }

    private ObjectNode searchKnowledge(String tenantId, ObjectNode a, String traceparent) {
        onlyFields(a, "query", "limit");
        JsonNode q = a.get("query");
        if (q == null || !q.isTextual() || q.textValue().isBlank()) throw ApiException.invalid("query is required: a non-empty string");
        int limit = 5;
        JsonNode l = a.get("limit");
        if (l != null && !l.isNull()) {
            if (!l.isIntegralNumber() || l.asLong() < 1 || l.asLong() > MAX_SEARCH_RESULTS) {
                throw ApiException.invalid("limit must be an integer from 1 to " + MAX_SEARCH_RESULTS);
            }
            limit = l.intValue();
        }
        List<KnowledgeSearch.Passage> passages = search.search(tenantId, q.textValue(), limit, traceparent);
        ObjectNode r = Json.MAPPER.createObjectNode();
        ArrayNode content = r.putArray("content");
        if (passages.isEmpty()) {
            content.addObject().put("type", "text").put("text", "No passages in this tenant's documents match that query.");
        }
        for (KnowledgeSearch.Passage s : passages) {
            content.addObject().put("type", "text").put("text", "[" + s.filename() + ", page " + s.page() + ", " + s.documentId()
                    + "]\n" + s.text());
        }
        r.putObject("structuredContent").set("results", ApiJson.tree(passages));
        r.put("isError", false);
        return r;
    }

    private ObjectNode getDocument(String tenantId, ObjectNode a) {
        onlyFields(a, "documentId");
        JsonNode id = a.get("documentId");
        if (id == null || !id.isTextual()) throw ApiException.invalid("documentId is required: a string like doc_…");
        Document d = documents.document(tenantId, id.textValue())
                .orElseThrow(() -> ApiException.notFound("no document " + abbreviate(id.textValue()) + " in this tenant"));
        ObjectNode view = Json.MAPPER.createObjectNode();
        view.put("documentId", d.documentId());
        view.put("filename", d.filename());
        view.put("status", d.status());
        view.put("contentType", d.contentType());
        if (d.sizeBytes() != null) view.put("sizeBytes", d.sizeBytes());
        if (d.updatedAt() != null) view.put("updatedAt", d.updatedAt().toString());
        if (d.reasons() != null) view.set("reasons", ApiJson.tree(d.reasons()));
        if (d.index() != null) view.set("index", ApiJson.tree(d.index()));
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.putArray("content").addObject().put("type", "text").put("text", Json.write(view));
        r.set("structuredContent", view);
        r.put("isError", false);
        return r;
    }

    private static void onlyFields(ObjectNode a, String... allowed) {
        List<String> ok = List.of(allowed);
        a.fieldNames().forEachRemaining(f -> {
            if (!ok.contains(f)) throw ApiException.invalid("unknown argument '" + abbreviate(f) + "'; allowed: " + ok);
        });
    }

    private static ObjectNode toolError(String text) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.putArray("content").addObject().put("type", "text").put("text", text);
        r.put("isError", true);
        return r;
    }

    private static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode r = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0");
        r.set("id", id);
        r.set("result", result);
        return r;
    }

    static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode r = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0");
        r.set("id", id == null ? Json.MAPPER.nullNode() : id);
        r.putObject("error").put("code", code).put("message", message);
        return r;
    }

    private static String abbreviate(String s) { return s.length() > 60 ? s.substring(0, 60) + "..." : s; }
}
