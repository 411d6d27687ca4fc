package io.edgemesh.events;

import io.edgemesh.events.internal.Checks;
import java.time.Instant;

/**
 * The document's chunks are committed in index version {@code indexVersion}. Readiness counts these
 * to unlock chat for the tenant.
 */
public record DocumentIndexed(String tenantId, String documentId, long indexVersion, int chunkCount,
                              Instant indexedAt) implements EdgeMeshEvent {
    public DocumentIndexed {
        Checks.tenant(tenantId);
        Checks.id("documentId", documentId);
        if (indexVersion < 1) throw new IllegalArgumentException("indexVersion must be >= 1: " + indexVersion);
        Checks.nonNegative("chunkCount", chunkCount);
        Checks.required("indexedAt", indexedAt);
    }

    @Override
    public String subjectId() { return documentId; }
}
