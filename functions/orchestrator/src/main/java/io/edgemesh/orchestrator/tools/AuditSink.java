package io.edgemesh.orchestrator.tools;

import java.util.Map;

/** Records a decision that matters as an audit event (chained per tenant by Layer 7). */
public interface AuditSink {
    void record(String tenantId, String action, String actor, String resourceId, String outcome, Map<String, Object> details);
}
