package io.edgemesh.events;

import io.edgemesh.events.internal.Checks;
import java.time.Instant;
import java.util.Map;

/**
 * A decision that matters (verdict, admin change, upload, escalation, blocked prompt). The backbone's
 * audit function chains these per tenant and writes them to S3; {@code auditId} makes the write
 * idempotent when a message is delivered twice.
 *
 * @param action     dotted verb, e.g. {@code document.quarantined}, {@code prompt.blocked}, {@code key.rotated}
 * @param actor      who acted: a key id, {@code admin}, or a function's logical name
 * @param resourceId what it acted on inside the tenant (document id, session id), or null
 * @param outcome    e.g. {@code allowed}, {@code blocked}, {@code succeeded}, {@code failed}
 * @param details    small machine-readable extras (no raw personal data: the firewall redacts first)
 */
public record AuditEvent(String tenantId, String auditId, String action, String actor, String resourceId,
                         String outcome, Instant occurredAt, Map<String, Object> details) implements EdgeMeshEvent {
    public AuditEvent {
        Checks.tenant(tenantId);
        Checks.id("auditId", auditId);
        Checks.text("action", action);
        Checks.text("actor", actor);
        Checks.optionalId("resourceId", resourceId);
        Checks.text("outcome", outcome);
        Checks.required("occurredAt", occurredAt);
        details = Checks.map(details);
    }

    @Override
    public String subjectId() { return resourceId; }
}
