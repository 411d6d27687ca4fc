package io.edgemesh.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.Json;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.common.crac.Priming;
import io.edgemesh.common.invoke.EnvelopeHandler;
import io.edgemesh.common.invoke.HttpForward;
import io.edgemesh.common.invoke.Invocation;
import io.edgemesh.orchestrator.chat.ChatReply;
import io.edgemesh.orchestrator.chat.ChatRequest;
import io.edgemesh.orchestrator.chat.ChatService;
import io.edgemesh.orchestrator.internal.DynamoDocumentCatalog;
import io.edgemesh.orchestrator.internal.DynamoTenants;
import io.edgemesh.orchestrator.internal.Wiring;
import java.util.Map;

/**
 * Layer 6 entry point (signed invocations only). Operations: {@code chat} from the Layer 1 ingress
 * after the firewall, and {@code tenant.status} for the public {@code GET /v1/tenant/status} route.
 */
public final class OrchestratorHandler extends EnvelopeHandler {
    private final ChatService chat;
    private final DynamoTenants tenants;
    private final DynamoDocumentCatalog documents;

    public OrchestratorHandler() {
        this(System.getenv());
    }

    public OrchestratorHandler(Map<String, String> env) {
        this(FunctionConfig.of(env), AwsClients.from(FunctionConfig.of(env)));
    }

    private OrchestratorHandler(FunctionConfig config, AwsClients aws) {
        super(config, aws);
        Wiring w = new Wiring(config, aws);
        this.chat = w.chat();
        this.tenants = w.tenants();
        this.documents = w.documents();
        Priming.register("orchestrator", Priming::warmCommon, () -> { });
    }

    @Override
    protected Object handle(Invocation inv) {
        return switch (inv.operation()) {
            case "chat" -> chat(inv);
            case "tenant.status" -> status(inv.tenantId());
            default -> throw ApiException.notFound("unknown operation " + inv.operation());
        };
    }

    private Object chat(Invocation inv) {
        JsonNode b = inv.body();
        ChatReply r = chat.chat(new ChatRequest(inv.tenantId(), b.path("sessionId").asText(null), b.path("message").asText(null),
                b.path("locale").asText(null), trust(b.path("trustLevel"))), inv.traceparent());
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("sessionId", r.sessionId()).put("answer", r.answer()).put("intent", r.intent()).put("grounded", r.grounded());
        out.set("citations", Json.MAPPER.valueToTree(r.citations()));
        out.set("usage", r.usage());
        if (r.escalationId() != null) out.put("escalationId", r.escalationId());
        return out;
    }

    /** The session token's trust claim: a wire name ("anonymous") or a number; unknown means anonymous. */
    private static int trust(JsonNode n) {
        return io.edgemesh.orchestrator.tools.TrustLevel.parse(n.isMissingNode() || n.isNull() ? null : n.asText()).level();
    }

    private Object status(String tenantId) {
        var tenant = tenants.find(tenantId).orElseThrow(() -> ApiException.notFound("unknown tenant"));
        Map<String, Integer> counts = documents.countByStatus(tenantId);
        ObjectNode out = Json.MAPPER.createObjectNode().put("tenantId", tenantId).put("status", tenant.status());
        ObjectNode docs = out.putObject("documents");
        for (String s : new String[] {"awaiting_upload", "scanning", "indexing", "ready", "quarantined", "failed"}) {
            docs.put(s, counts.getOrDefault(s, 0));
        }
        return out;
    }

    /** For callers holding an {@link HttpForward}: unused fields are ignored by design. */
    static HttpForward forward(JsonNode body) { return Json.convert(body, HttpForward.class); }
}
