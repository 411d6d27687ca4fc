package io.edgemesh.orchestrator.readiness;

import io.edgemesh.orchestrator.tools.AuditSink;
import io.edgemesh.orchestrator.tools.DocumentCatalog;
import java.util.Map;

/**
 * Chat unlocks for a tenant when its first document is indexed and locks again when its last ready
 * document is removed. Both transitions are conditional, so redelivered or reordered events cannot
 * flip a tenant twice or unlock one that still has nothing ready; a suspended tenant is never touched.
 */
public final class ReadinessService {
    public static final String PENDING = "pending_documents";
    public static final String READY = "ready";

    private final TenantStatusStore tenants;
    private final DocumentCatalog documents;
    private final AuditSink audit;

    public ReadinessService(TenantStatusStore tenants, DocumentCatalog documents, AuditSink audit) {
        this.tenants = tenants;
        this.documents = documents;
        this.audit = audit;
    }

    public boolean documentIndexed(String tenantId, String documentId) {
        if (readyCount(tenantId) == 0) return false; // the row is not ready (yet): nothing to unlock
        boolean changed = tenants.transition(tenantId, PENDING, READY);
        if (changed) {
            audit.record(tenantId, "tenant.ready", "readiness", documentId, "succeeded", Map.of("trigger", "document.indexed"));
        }
        return changed;
    }

    public boolean documentRemoved(String tenantId, String documentId) {
        if (readyCount(tenantId) > 0) return false;
        boolean changed = tenants.transition(tenantId, READY, PENDING);
        if (changed) {
            audit.record(tenantId, "tenant.pending", "readiness", documentId, "succeeded", Map.of("trigger", "document.removed"));
        }
        return changed;
    }

    private int readyCount(String tenantId) {
        return documents.countByStatus(tenantId).getOrDefault(READY, 0);
    }
}
