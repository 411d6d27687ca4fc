package io.edgemesh.orchestrator.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.ErrorCodes;
import io.edgemesh.common.Json;
import io.edgemesh.orchestrator.session.Session;
import io.edgemesh.orchestrator.session.SessionStore;
import io.edgemesh.orchestrator.session.Turn;
import io.edgemesh.orchestrator.tools.ToolContext;
import io.edgemesh.orchestrator.tools.ToolRegistry;
import io.edgemesh.orchestrator.tools.TrustLevel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One chat turn: the tenant must be ready, the session is loaded or started, the intent picks the
 * path (hand-off, greeting, or retrieval), retrieval goes through the trust-gated tool registry, the
 * relevance gate decides between answering and abstaining, Layer 5 answers only from the relevant
 * passages, and both turns are stored (redacted text only) with the session's TTL renewed.
 */
public final class ChatService {
    static final int PASSAGES = 4;
    static final int SEARCH_K = 8;
    static final int CONTEXT_TOKENS = 1500;
    static final int SNIPPET_CHARS = 240;

    private final TenantDirectory tenants;
    private final SessionStore sessions;
    private final ToolRegistry tools;
    private final AnswerGenerator generator;
    private final RelevanceGate gate;
    private final IntentClassifier intents;
    private final Clock clock;

    public ChatService(TenantDirectory tenants, SessionStore sessions, ToolRegistry tools, AnswerGenerator generator,
                       RelevanceGate gate, IntentClassifier intents, Clock clock) {
        this.tenants = tenants;
        this.sessions = sessions;
        this.tools = tools;
        this.generator = generator;
        this.gate = gate;
        this.intents = intents;
        this.clock = clock;
    }

    public ChatReply chat(ChatRequest req, String traceparent) {
        if (req.sessionId() == null || req.sessionId().isBlank()) throw ApiException.invalid("sessionId is required");
        if (req.message() == null || req.message().isBlank()) throw ApiException.invalid("message is required");
        TenantDirectory.TenantInfo tenant = tenants.find(req.tenantId())
                .orElseThrow(() -> ApiException.notFound("unknown tenant"));
        if ("suspended".equals(tenant.status())) {
            throw ApiException.forbidden(ErrorCodes.TENANT_SUSPENDED, "this assistant is suspended");
        }
        if (!"ready".equals(tenant.status())) {
            throw ApiException.conflict(ErrorCodes.TENANT_NOT_READY,
                    "this assistant is getting ready: no document has finished indexing yet");
        }
        Instant now = clock.instant();
        Duration ttl = Duration.ofHours(tenant.sessionTtlHours() <= 0 ? 24 : tenant.sessionTtlHours());
        TrustLevel trust = TrustLevel.of(Math.min(req.trustLevel(), tenant.trustCeiling()));
        Session session = sessions.find(req.tenantId(), req.sessionId())
                .orElseGet(() -> Session.start(req.tenantId(), req.sessionId(), trust.level(), now, ttl));
        ToolContext ctx = new ToolContext(req.tenantId(), req.sessionId(), trust, traceparent);

        String intent = intents.classify(req.message());
        ChatReply reply = switch (intent) {
            case IntentClassifier.HANDOFF -> handoff(req, ctx, intent);
            case IntentClassifier.GREETING -> simple(req, intent, Messages.greeting(req.locale()), "greeting");
            default -> answer(req, session, ctx, intent, tenant, traceparent);
        };
        store(session, List.of(new Turn(Turn.USER, req.message(), now), new Turn(Turn.ASSISTANT, reply.answer(), now)), now, ttl);
        return reply;
    }

    private ChatReply answer(ChatRequest req, Session session, ToolContext ctx, String intent,
                             TenantDirectory.TenantInfo tenant, String traceparent) {
        String query = searchQuery(req.message(), session);
        JsonNode found = tools.run("search_knowledge", ctx, Json.MAPPER.createObjectNode().put("query", query).put("k", SEARCH_K));
        List<SearchHit> hits = new ArrayList<>();
        for (JsonNode h : found.path("results")) hits.add(Json.convert(h, SearchHit.class));
        List<SearchHit> relevant = gate.relevant(req.message(), hits).stream().limit(PASSAGES).toList();
        if (relevant.isEmpty()) {
            return simple(req, intent, Messages.abstain(req.locale()),
                    hits.isEmpty() ? "no passages found" : "no passage above the relevance threshold");
        }
        GeneratedAnswer g = generator.generate(req.tenantId(), req.message(), relevant, req.locale(), intent,
                tenant.monthlyTokenBudget(), traceparent);
        if (g.answer() == null || g.answer().isBlank()) {
            return simple(req, intent, Messages.abstain(req.locale()), "the generator returned no answer");
        }
        List<Citation> citations = new ArrayList<>();
        List<Integer> refs = g.citedRefs().isEmpty() ? List.of(1) : g.citedRefs();
        for (int ref : refs) {
            if (ref < 1 || ref > relevant.size()) continue;
            SearchHit h = relevant.get(ref - 1);
            citations.add(new Citation(h.documentId(), h.filename(), h.page(), snippet(h.text())));
        }
        return new ChatReply(req.sessionId(), g.answer(), citations, g.usage(), intent, true, null);
    }

    private ChatReply handoff(ChatRequest req, ToolContext ctx, String intent) {
        JsonNode r = tools.run("handoff_to_human", ctx, Json.MAPPER.createObjectNode().put("reason", "visitor asked for a person"));
        ChatReply simple = simple(req, intent, Messages.handoff(req.locale()), "hand-off requested");
        return new ChatReply(simple.sessionId(), simple.answer(), List.of(), simple.usage(), intent, false,
                r.path("escalationId").asText(null));
    }

    private ChatReply simple(ChatRequest req, String intent, String text, String reason) {
        ObjectNode usage = Json.MAPPER.createObjectNode();
        usage.put("provider", "orchestrator").put("model", "none").put("route", intent).put("reason", reason)
                .put("latencyMs", 0).put("inputTokens", 0).put("outputTokens", 0).put("costUsd", 0.0);
        return new ChatReply(req.sessionId(), text, List.of(), usage, intent, false, null);
    }

    /** A short follow-up ("and for Spain?") borrows the previous question so retrieval has context. */
    static String searchQuery(String message, Session session) {
        if (message.strip().split("\\s+").length >= 5) return message;
        List<Turn> recent = session.recent(CONTEXT_TOKENS);
        for (int i = recent.size() - 1; i >= 0; i--) {
            if (recent.get(i).role().equals(Turn.USER)) return recent.get(i).text() + " " + message;
        }
        return message;
    }

    private static String snippet(String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        return t.length() <= SNIPPET_CHARS ? t : t.substring(0, SNIPPET_CHARS).replaceAll("\\s+\\S*$", "") + "…";
    }

    private void store(Session session, List<Turn> turns, Instant now, Duration ttl) {
        Session s = session;
        for (int attempt = 0; attempt < 3; attempt++) {
            if (sessions.save(s.append(turns, now, ttl))) return;
            s = sessions.find(session.tenantId(), session.sessionId()).orElse(session);
        }
        throw new ApiException(409, ErrorCodes.CONFLICT, "the session changed concurrently; please retry");
    }
}
