package io.edgemesh.orchestrator.chat;

import java.util.Optional;

/** What the orchestrator needs to know of a tenant. */
public interface TenantDirectory {

    /** status is {@code pending_documents}, {@code ready} or {@code suspended}. */
    record TenantInfo(String tenantId, String status, long monthlyTokenBudget, int trustCeiling, int sessionTtlHours) { }

    Optional<TenantInfo> find(String tenantId);
}
