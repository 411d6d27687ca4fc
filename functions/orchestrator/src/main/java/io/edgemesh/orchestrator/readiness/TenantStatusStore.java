package io.edgemesh.orchestrator.readiness;

/** Moves a tenant between {@code pending_documents} and {@code ready} with a conditional write. */
public interface TenantStatusStore {
    /** Sets status {@code to} only if it is currently {@code from}; returns whether it changed. */
    boolean transition(String tenantId, String from, String to);
}
