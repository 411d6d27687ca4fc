package io.edgemesh.orchestrator.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.Json;
import io.edgemesh.orchestrator.chat.KnowledgeSearch;
import io.edgemesh.orchestrator.chat.SearchHit;

/** {@code search_knowledge}: hybrid search over the tenant's ready documents. Open to every visitor. */
public final class SearchKnowledgeTool implements Tool {
    private final KnowledgeSearch search;

    public SearchKnowledgeTool(KnowledgeSearch search) {
        this.search = search;
    }

    @Override public String name() { return "search_knowledge"; }

    @Override public String description() { return "Search the tenant's documents; returns passages with file and page."; }

    @Override public TrustLevel minimumTrust() { return TrustLevel.ANONYMOUS; }

    @Override
    public JsonNode run(ToolContext ctx, JsonNode args) {
        String query = args.path("query").asText("").strip();
        int k = args.path("k").asInt(5);
        if (query.isEmpty() || query.length() > 1000) throw ApiException.invalid("query must be 1 to 1000 characters");
        if (k < 1 || k > 20) throw ApiException.invalid("k must be between 1 and 20");
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode results = out.putArray("results");
        for (SearchHit h : search.search(ctx.tenantId(), query, k, ctx.traceparent())) {
            results.add(Json.MAPPER.valueToTree(h));
        }
        return out;
    }
}
