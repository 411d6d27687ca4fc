package io.edgemesh.events;

import io.edgemesh.events.internal.Checks;

/**
 * The tenant went back to {@code pending_documents}: no indexed document is left, chat is locked again.
 *
 * @param reason machine-readable, e.g. {@code last_document_removed}
 */
public record TenantPending(String tenantId, String reason) implements EdgeMeshEvent {
    public TenantPending {
        Checks.tenant(tenantId);
        Checks.text("reason", reason);
    }

    @Override
    public String subjectId() { return null; }
}
