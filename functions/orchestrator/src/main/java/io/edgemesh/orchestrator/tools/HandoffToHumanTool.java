package io.edgemesh.orchestrator.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** {@code handoff_to_human}: records an escalation for the tenant's staff and an audit event. */
public final class HandoffToHumanTool implements Tool {
    private final EscalationStore escalations;
    private final AuditSink audit;
    private final Clock clock;

    public HandoffToHumanTool(EscalationStore escalations, AuditSink audit, Clock clock) {
        this.escalations = escalations;
        this.audit = audit;
        this.clock = clock;
    }

    @Override public String name() { return "handoff_to_human"; }

    @Override public String description() { return "Ask a person from the tenant's team to take over the conversation."; }

    @Override public TrustLevel minimumTrust() { return TrustLevel.ANONYMOUS; }

    @Override
    public JsonNode run(ToolContext ctx, JsonNode args) {
        String reason = args.path("reason").asText("requested");
        if (reason.length() > 500) reason = reason.substring(0, 500);
        String id = "esc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        escalations.create(ctx.tenantId(), id, ctx.sessionId(), reason, clock.instant());
        audit.record(ctx.tenantId(), "chat.escalated", "orchestrator", ctx.sessionId(), "succeeded",
                Map.of("escalationId", id, "reason", reason));
        return Json.MAPPER.createObjectNode().put("escalationId", id).put("status", "open");
    }
}
