package io.edgemesh.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgemesh.common.ErrorCodes;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.Json;
import io.edgemesh.common.invoke.Envelopes;
import io.edgemesh.common.invoke.InvocationResult;
import io.edgemesh.common.invoke.LambdaLayerClient;
import io.edgemesh.envelope.KeySource;
import io.edgemesh.envelope.ReplayGuard;
import io.edgemesh.events.AuditEvent;
import io.edgemesh.firewall.anomaly.AnomalyPolicy;
import io.edgemesh.firewall.detect.InjectionRules;
import io.edgemesh.firewall.detect.ModerationRules;
import io.edgemesh.firewall.pii.PiiRedactor;
import java.io.InputStream;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The firewall through the envelope: the ingress signs with {@link LambdaLayerClient}, the handler
 * verifies, parses, calls the domain and maps the verdict or the error. Rules only here (the
 * classifier has its own tests), so the wire is what is under test.
 */
class FirewallHandlerTest {
    static final String KEYS = "k1:" + Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'C');
    static final String TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    private LambdaLayerClient ingress;

    @BeforeEach
    void wire() {
        Clock clock = Clock.systemUTC();
        FunctionConfig fw = FunctionConfig.of(Map.of("EDGEMESH_FUNCTION_NAME", "firewall", "EDGEMESH_ENVELOPE_KEYS", KEYS));
        FunctionConfig in = FunctionConfig.of(Map.of("EDGEMESH_FUNCTION_NAME", "ingress", "EDGEMESH_ENVELOPE_KEYS", KEYS,
                "EDGEMESH_PREFIX", "edgemesh-test"));
        KeySource keys = Envelopes.keySource(fw, null, clock);
        Firewall firewall = new Firewall(List.of(new InjectionRules(), new ModerationRules()), null, new PiiRedactor(),
                new InMemorySessionAnomalies(AnomalyPolicy.DEFAULT), AnomalyPolicy.DEFAULT, audited::add, clock);
        FirewallHandler handler = new FirewallHandler(fw,
                Envelopes.verifier(Envelopes.layerOfThisFunction(fw), keys, ReplayGuard.inMemory(clock), clock), firewall);
        InProcessLambda lambda = new InProcessLambda().register("edgemesh-test-firewall", handler);
        ingress = new LambdaLayerClient(in, lambda, Envelopes.signer(Envelopes.keySource(in, null, clock), clock));
    }

    private InvocationResult check(Object body) {
        return ingress.invoke("firewall", "check", "acme", body, TRACE);
    }

    private static JsonNode fixture(String name) throws Exception {
        try (InputStream in = FirewallHandlerTest.class.getResourceAsStream("/fixtures/" + name)) {
            return Json.MAPPER.readTree(in);
        }
    }

    @Test
    void checkAnswersTheFullVerdictForTheCanonicalInjection() {
        InvocationResult r = check(Map.of("text", FirewallTest.ATTACK, "sessionId", "sess-1", "locale", "en-US"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode v = r.body();
        assertThat(v.path("action").asText()).isEqualTo("block");
        assertThat(v.path("categories").get(0).asText()).isEqualTo("prompt_injection");
        assertThat(v.path("scores").path("prompt_injection").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(v.path("reasons").path("prompt_injection").asText()).isNotBlank();
        assertThat(v.path("redactions").isArray()).isTrue();
        assertThat(v.path("redactedText").asText()).isEqualTo(FirewallTest.ATTACK);
        assertThat(audited).singleElement().satisfies(e -> assertThat(e.tenantId()).isEqualTo("acme"));
    }

    @Test
    void checkRedactsAnEmailAndSaysWhere() {
        InvocationResult r = check(Map.of("text", "I am jane@example.org", "sessionId", "sess-2"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("action").asText()).isEqualTo("redact");
        assertThat(r.body().path("redactedText").asText()).isEqualTo("I am [EMAIL]");
        JsonNode red = r.body().path("redactions").get(0);
        assertThat(red.path("type").asText()).isEqualTo("email");
        assertThat(red.path("start").asInt()).isEqualTo(5);
        assertThat(red.path("end").asInt()).isEqualTo(21);
        assertThat(red.path("replacement").asText()).isEqualTo("[EMAIL]");
    }

    @Test
    void guardReadsTheForwardedBodyAndAnswersAVerdict() throws Exception {
        InvocationResult r = ingress.invoke("firewall", "guard", "acme", fixture("guard-forward.json"), TRACE);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("action").asText()).isEqualTo("block");
        assertThat(r.body().path("redactedText").asText()).contains("[CARD]").doesNotContain("4111");
        assertThat(audited).singleElement().satisfies(e -> assertThat(e.details()).containsEntry("operation", "guard"));
    }

    @Test
    void guardRefusesAnEmptyOrMissingOrTooLongText() throws Exception {
        for (JsonNode text : List.of(Json.MAPPER.getNodeFactory().textNode(""), Json.MAPPER.getNodeFactory().numberNode(3),
                Json.MAPPER.getNodeFactory().textNode("x".repeat(Firewall.MAX_TEXT_CHARS + 1)))) {
            ObjectNode fwd = (ObjectNode) fixture("guard-forward.json");
            ((ObjectNode) fwd.get("body")).set("text", text);
            InvocationResult r = ingress.invoke("firewall", "guard", "acme", fwd, TRACE);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body().path("code").asText()).isEqualTo(ErrorCodes.INVALID_REQUEST);
        }
        ObjectNode noBody = (ObjectNode) fixture("guard-forward.json");
        noBody.putNull("body");
        assertThat(ingress.invoke("firewall", "guard", "acme", noBody, TRACE).status()).isEqualTo(400);
    }

    @Test
    void theLongestAllowedTextIsChecked() {
        InvocationResult r = check(Map.of("text", "a".repeat(Firewall.MAX_TEXT_CHARS)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("action").asText()).isEqualTo("allow");
    }

    @Test
    void checkRefusesABadSessionIdOrLocaleOrAMissingText() {
        assertThat(check(Map.of("text", "hi", "sessionId", "../../etc")).body().path("code").asText()).isEqualTo(ErrorCodes.INVALID_REQUEST);
        assertThat(check(Map.of("text", "hi", "locale", "<script>")).status()).isEqualTo(400);
        assertThat(check(Map.of("sessionId", "s")).status()).isEqualTo(400);
    }

    @Test
    void anUnknownOperationIsNotFound() {
        InvocationResult r = ingress.invoke("firewall", "train", "acme", Map.of("text", "hi"), TRACE);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body().path("code").asText()).isEqualTo(ErrorCodes.NOT_FOUND);
    }
}
