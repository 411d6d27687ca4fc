package io.edgemesh.backbone.mcp;

import java.util.List;

/** Passage search over a tenant's index (Layer 4). */
public interface KnowledgeSearch {

    /** A passage with where it came from, for citations. */
    record Passage(String documentId, String filename, int page, String text, double score) { }

    /**
     * The best passages, best first; empty when nothing matched or the tenant has no index yet.
     *
     * @throws io.edgemesh.common.ApiException when the query is refused (4xx) or search is unavailable (5xx)
     */
    List<Passage> search(String tenantId, String query, int limit, String traceparent);
}
