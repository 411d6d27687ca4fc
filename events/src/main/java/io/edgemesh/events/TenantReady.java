package io.edgemesh.events;

import io.edgemesh.events.internal.Checks;

/** The tenant has at least one indexed document: chat is unlocked. */
public record TenantReady(String tenantId, int readyDocuments, long indexVersion) implements EdgeMeshEvent {
    public TenantReady {
        Checks.tenant(tenantId);
        if (readyDocuments < 1) throw new IllegalArgumentException("readyDocuments must be >= 1: " + readyDocuments);
        Checks.nonNegative("indexVersion", indexVersion);
    }

    @Override
    public String subjectId() { return null; }
}
