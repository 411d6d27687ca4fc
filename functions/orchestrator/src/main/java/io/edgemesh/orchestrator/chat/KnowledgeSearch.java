package io.edgemesh.orchestrator.chat;

import java.util.List;

/** Searches a tenant's indexed documents (Layer 4, through a signed invocation). */
public interface KnowledgeSearch {
    List<SearchHit> search(String tenantId, String query, int k, String traceparent);
}
