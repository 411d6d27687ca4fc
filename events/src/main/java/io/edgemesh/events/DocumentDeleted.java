package io.edgemesh.events;

import io.edgemesh.events.internal.Checks;

/**
 * The tenant deleted a document: the indexer must remove its chunks. Sent to the FIFO index queue so
 * it is ordered after the same tenant's earlier {@link DocumentClean}.
 *
 * @param deletedBy key id or principal that asked, for audit
 */
public record DocumentDeleted(String tenantId, String documentId, String deletedBy) implements EdgeMeshEvent {
    public DocumentDeleted {
        Checks.tenant(tenantId);
        Checks.id("documentId", documentId);
        Checks.optionalText("deletedBy", deletedBy);
    }

    @Override
    public String subjectId() { return documentId; }
}
