package io.edgemesh.orchestrator.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** Read access to a tenant's document rows (metadata and status, never the bytes). */
public interface DocumentCatalog {
    Optional<JsonNode> find(String tenantId, String documentId);

    /** Number of documents per status for a tenant. */
    Map<String, Integer> countByStatus(String tenantId);
}
