package io.edgemesh.orchestrator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.Json;
import io.edgemesh.common.invoke.InvocationResult;
import io.edgemesh.common.invoke.LayerClient;
import io.edgemesh.orchestrator.chat.AnswerGenerator;
import io.edgemesh.orchestrator.chat.GeneratedAnswer;
import io.edgemesh.orchestrator.chat.KnowledgeSearch;
import io.edgemesh.orchestrator.chat.SearchHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Layer 4 search and Layer 5 generation as signed invocations. */
public final class LayerClients {
    private LayerClients() { }

    public static KnowledgeSearch search(LayerClient client) {
        return (tenantId, query, k, traceparent) -> {
            ObjectNode body = Json.MAPPER.createObjectNode().put("query", query).put("k", k).put("mode", "hybrid");
            JsonNode r = ok(client.invoke("search", "search", tenantId, body, traceparent));
            List<SearchHit> hits = new ArrayList<>();
            for (JsonNode h : r.path("results")) {
                hits.add(new SearchHit(h.path("documentId").asText(), h.path("filename").asText(), h.path("page").asInt(),
                        h.path("text").asText(), h.path("score").asDouble(),
                        h.hasNonNull("similarity") ? h.get("similarity").asDouble() : Double.NaN));
            }
            return hits;
        };
    }

    public static AnswerGenerator generator(LayerClient client) {
        return (tenantId, question, passages, locale, intent, budget, traceparent) -> {
            ObjectNode body = Json.MAPPER.createObjectNode().put("question", question).put("locale", locale)
                    .put("intent", intent).put("monthlyTokenBudget", budget);
            ArrayNode ps = body.putArray("passages");
            for (int i = 0; i < passages.size(); i++) {
                SearchHit h = passages.get(i);
                ps.addObject().put("ref", i + 1).put("documentId", h.documentId()).put("filename", h.filename())
                        .put("page", h.page()).put("text", h.text()).put("score", h.score());
            }
            JsonNode r = ok(client.invoke("generate", "generate", tenantId, body, traceparent));
            List<Integer> refs = new ArrayList<>();
            r.path("citedRefs").forEach(n -> refs.add(n.asInt()));
            return new GeneratedAnswer(r.path("answer").asText(""), refs, r.path("usage"));
        };
    }

    /** A non-2xx from another layer is passed on with its own status and code (409, 402, …). */
    private static JsonNode ok(InvocationResult r) {
        if (r.ok()) return r.body();
        JsonNode e = r.body();
        throw new ApiException(r.status(), e.path("code").asText("upstream_unavailable"),
                e.path("message").asText("another layer failed"), Map.of());
    }
}
