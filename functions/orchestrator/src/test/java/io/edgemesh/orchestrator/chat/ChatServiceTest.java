package io.edgemesh.orchestrator.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.Json;
import io.edgemesh.orchestrator.session.Session;
import io.edgemesh.orchestrator.session.SessionStore;
import io.edgemesh.orchestrator.tools.AuditSink;
import io.edgemesh.orchestrator.tools.DocumentCatalog;
import io.edgemesh.orchestrator.tools.GetDocumentTool;
import io.edgemesh.orchestrator.tools.HandoffToHumanTool;
import io.edgemesh.orchestrator.tools.SearchKnowledgeTool;
import io.edgemesh.orchestrator.tools.ToolContext;
import io.edgemesh.orchestrator.tools.ToolRegistry;
import io.edgemesh.orchestrator.tools.TrustLevel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The chat turn with its collaborators replaced by in-memory versions of the domain interfaces. */
class ChatServiceTest {

    private final Map<String, TenantDirectory.TenantInfo> tenantRows = new HashMap<>();
    private final Map<String, Session> sessionRows = new HashMap<>();
    private final List<SearchHit> index = new ArrayList<>();
    private final List<String> audits = new ArrayList<>();
    private final List<String> escalations = new ArrayList<>();
    private final List<List<SearchHit>> generatedFrom = new ArrayList<>();

    private final SessionStore sessions = new SessionStore() {
        @Override public Optional<Session> find(String t, String s) { return Optional.ofNullable(sessionRows.get(t + "/" + s)); }
        @Override public boolean save(Session s) {
            Session prev = sessionRows.get(s.tenantId() + "/" + s.sessionId());
            if (prev != null && prev.version() != s.version()) return false;
            sessionRows.put(s.tenantId() + "/" + s.sessionId(), new Session(s.tenantId(), s.sessionId(), s.trustLevel(),
                    s.turns(), s.createdAt(), s.expiresAt(), s.version() + 1));
            return true;
        }
    };

    private final AnswerGenerator generator = (tenant, q, passages, locale, intent, budget, tp) -> {
        generatedFrom.add(passages);
        return new GeneratedAnswer(passages.get(0).text() + " [1]", List.of(1),
                Json.MAPPER.createObjectNode().put("provider", "extractive").put("route", "standard#1"));
    };

    private final AuditSink audit = (t, action, actor, res, outcome, d) -> audits.add(t + ":" + action);
    private final DocumentCatalog catalog = new DocumentCatalog() {
        @Override public Optional<JsonNode> find(String t, String id) {
            return Optional.of(Json.MAPPER.createObjectNode().put("documentId", id).put("filename", "f.pdf").put("status", "ready"));
        }
        @Override public Map<String, Integer> countByStatus(String t) { return Map.of("ready", 1); }
    };
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private final ToolRegistry tools = new ToolRegistry(List.of(
            new SearchKnowledgeTool((t, q, k, tp) -> index.stream().filter(h -> h.documentId().startsWith(t + ":")).limit(k).toList()),
            new GetDocumentTool(catalog),
            new HandoffToHumanTool((t, id, s, r, at) -> escalations.add(t + ":" + id), audit, clock)));
    private final ChatService chat = new ChatService(id -> Optional.ofNullable(tenantRows.get(id)), sessions, tools,
            generator, RelevanceGate.defaults(), new IntentClassifier(), clock);

    private void tenant(String id, String status) {
        tenantRows.put(id, new TenantDirectory.TenantInfo(id, status, 0, 1, 24));
    }

    @Test
    void a_tenant_without_a_ready_document_gets_409_tenant_not_ready() {
        tenant("acme", "pending_documents");
        assertThatThrownBy(() -> chat.chat(new ChatRequest("acme", "s1", "hello?", "en", 0), null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("tenant_not_ready");
                });
    }

    @Test
    void a_relevant_passage_is_answered_with_its_citation_and_both_turns_are_stored() {
        tenant("acme", "ready");
        index.add(new SearchHit("acme:doc1", "returns.pdf", 2, "Returns are accepted within 30 days.", 0.03, 0.71));
        ChatReply r = chat.chat(new ChatRequest("acme", "s1", "How long do I have to return an item?", "en", 0), null);
        assertThat(r.grounded()).isTrue();
        assertThat(r.citations()).extracting(Citation::filename, Citation::page).containsExactly(org.assertj.core.groups.Tuple.tuple("returns.pdf", 2));
        assertThat(sessionRows.get("acme/s1").turns()).extracting("role").containsExactly("user", "assistant");
    }

    @Test
    void nothing_relevant_means_abstaining_instead_of_guessing() {
        tenant("acme", "ready");
        index.add(new SearchHit("acme:doc1", "returns.pdf", 2, "Returns are accepted within 30 days.", 0.03, 0.12));
        ChatReply r = chat.chat(new ChatRequest("acme", "s1", "Who won the 1998 world cup?", "en", 0), null);
        assertThat(r.grounded()).isFalse();
        assertThat(r.citations()).isEmpty();
        assertThat(r.answer()).contains("couldn't find");
        assertThat(r.usage().path("reason").asText()).isEqualTo("no passage above the relevance threshold");
        assertThat(generatedFrom).as("the generator is never asked without relevant passages").isEmpty();
    }

    @Test
    void only_relevant_passages_reach_the_generator() {
        tenant("acme", "ready");
        index.add(new SearchHit("acme:doc1", "a.pdf", 1, "Relevant returns text.", 0.05, 0.6));
        index.add(new SearchHit("acme:doc2", "b.pdf", 1, "Unrelated parking text.", 0.04, 0.1));
        chat.chat(new ChatRequest("acme", "s1", "returns?", "en", 0), null);
        assertThat(generatedFrom.get(0)).extracting(SearchHit::filename).containsExactly("a.pdf");
    }

    @Test
    void search_never_crosses_tenants() {
        tenant("acme", "ready");
        tenant("globex", "ready");
        index.add(new SearchHit("globex:doc9", "secret.pdf", 1, "Globex internal pricing.", 0.1, 0.9));
        ChatReply r = chat.chat(new ChatRequest("acme", "s1", "What is the internal pricing?", "en", 0), null);
        assertThat(r.grounded()).isFalse();
    }

    @Test
    void asking_for_a_person_records_an_escalation_and_an_audit_event() {
        tenant("acme", "ready");
        ChatReply r = chat.chat(new ChatRequest("acme", "s1", "Can I talk to a human please?", "en", 0), null);
        assertThat(r.intent()).isEqualTo("handoff");
        assertThat(r.escalationId()).startsWith("esc_");
        assertThat(escalations).containsExactly("acme:" + r.escalationId());
        assertThat(audits).containsExactly("acme:chat.escalated");
    }

    @Test
    void tools_above_the_session_trust_are_refused() {
        ToolContext anonymous = new ToolContext("acme", "s1", TrustLevel.ANONYMOUS, null);
        assertThat(tools.available(TrustLevel.ANONYMOUS)).extracting(io.edgemesh.orchestrator.tools.Tool::name).doesNotContain("get_document");
        assertThatThrownBy(() -> tools.run("get_document", anonymous, Json.MAPPER.createObjectNode().put("documentId", "doc1")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        ToolContext identified = new ToolContext("acme", "s1", TrustLevel.AUTHENTICATED, null);
        assertThat(tools.run("get_document", identified, Json.MAPPER.createObjectNode().put("documentId", "doc1"))
                .path("status").asText()).isEqualTo("ready");
    }

    @Test
    void the_tenant_trust_ceiling_caps_the_session_trust() {
        tenantRows.put("acme", new TenantDirectory.TenantInfo("acme", "ready", 0, 0, 24));
        index.add(new SearchHit("acme:doc1", "a.pdf", 1, "Returns within 30 days.", 0.05, 0.6));
        chat.chat(new ChatRequest("acme", "s1", "returns within how many days?", "en", 2), null);
        assertThat(sessionRows.get("acme/s1").trustLevel()).isZero();
    }

    @Test
    void a_short_follow_up_borrows_the_previous_question_for_retrieval() {
        Session s = Session.start("acme", "s1", 0, clock.instant(), java.time.Duration.ofHours(1))
                .append(List.of(new io.edgemesh.orchestrator.session.Turn("user", "What is the return window in Germany?", clock.instant())),
                        clock.instant(), java.time.Duration.ofHours(1));
        assertThat(ChatService.searchQuery("and Spain?", s)).isEqualTo("What is the return window in Germany? and Spain?");
        assertThat(ChatService.searchQuery("What about the warranty for laptops?", s)).isEqualTo("What about the warranty for laptops?");
    }

    @Test
    void greetings_and_handoffs_are_recognised_in_several_languages() {
        IntentClassifier c = new IntentClassifier();
        assertThat(c.classify("Hola!")).isEqualTo("greeting");
        assertThat(c.classify("Guten Tag")).isEqualTo("greeting");
        assertThat(c.classify("Quiero hablar con una persona")).isEqualTo("handoff");
        assertThat(c.classify("Kann ich mit einem Menschen sprechen?")).isEqualTo("handoff");
        assertThat(c.classify("Je voudrais parler à un conseiller")).isEqualTo("handoff");
        assertThat(c.classify("Hello, what is your refund policy for damaged goods?")).isEqualTo("faq");
    }
}
