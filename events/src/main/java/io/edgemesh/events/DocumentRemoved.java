package io.edgemesh.events;

import io.edgemesh.events.internal.Checks;

/**
 * The indexer removed a document's chunks (index version {@code indexVersion}). Readiness uses it to
 * move the tenant back to pending when no indexed document is left.
 */
public record DocumentRemoved(String tenantId, String documentId, long indexVersion) implements EdgeMeshEvent {
    public DocumentRemoved {
        Checks.tenant(tenantId);
        Checks.id("documentId", documentId);
        if (indexVersion < 1) throw new IllegalArgumentException("indexVersion must be >= 1: " + indexVersion);
    }

    @Override
    public String subjectId() { return documentId; }
}
