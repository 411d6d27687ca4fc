package io.edgemesh.backbone.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.ErrorCodes;
import io.edgemesh.common.invoke.InvocationResult;
import io.edgemesh.common.invoke.LayerClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link KnowledgeSearch} through a signed invocation of Layer 4's {@code search} function. */
public final class LayerKnowledgeSearch implements KnowledgeSearch {
    private final LayerClient layers;

    public LayerKnowledgeSearch(LayerClient layers) { this.layers = layers; }

    @Override
    public List<Passage> search(String tenantId, String query, int limit, String traceparent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("k", limit);
        InvocationResult r = layers.invoke("search", "search", tenantId, body, traceparent);
        if (!r.ok()) {
            String code = r.body() == null ? ErrorCodes.UPSTREAM_UNAVAILABLE : r.body().path("code").asText(ErrorCodes.UPSTREAM_UNAVAILABLE);
            String message = r.body() == null ? "search failed" : r.body().path("message").asText("search failed");
            throw new ApiException(r.status() >= 500 ? 502 : r.status(), code, message);
        }
        List<Passage> out = new ArrayList<>();
        for (JsonNode h : r.body().path("results")) {
            out.add(new Passage(h.path("documentId").asText(null), h.path("filename").asText(null), h.path("page").asInt(0),
                    h.path("text").asText(""), h.path("score").asDouble(0)));
        }
        return out;
    }
}
