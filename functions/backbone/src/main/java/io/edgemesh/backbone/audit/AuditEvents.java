package io.edgemesh.backbone.audit;

import io.edgemesh.backbone.internal.Base62;
import io.edgemesh.events.AuditEvent;
import java.time.Instant;
import java.util.Map;

/** Builds the audit events Layer 7 emits, with ids that are unique per decision. */
public final class AuditEvents {
    private AuditEvents() { }

    /**
     * An event for one decision. {@code requestId} (the envelope's, unique per invocation) makes the id
     * deterministic, so the same invocation replayed by a retrying caller maps to the same audit id.
     */
    public static AuditEvent of(String tenantId, String requestId, String action, String actor, String resourceId,
                                String outcome, Instant at, Map<String, Object> details) {
        String base = requestId == null ? Base62.random(22) : requestId.replaceAll("[^A-Za-z0-9._-]", "");
        String id = ("bb-" + action.replace('.', '-') + "-" + base);
        if (id.length() > 128) id = id.substring(0, 128);
        return new AuditEvent(tenantId, id, action, actor, resourceId, outcome, at, details);
    }
}
