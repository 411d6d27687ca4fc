package io.edgemesh.common.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.ErrorCodes;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.Json;
import io.edgemesh.common.log.Log;
import io.edgemesh.envelope.EnvelopeVerifier;
import io.edgemesh.envelope.KeySource;
import io.edgemesh.envelope.ReplayGuard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The orchestrator calls search through {@link LambdaLayerClient}, and a {@link SearchLike} handler
 * built on {@link EnvelopeHandler} answers, over the in-test transport: serialise, sign, invoke,
 * verify, dispatch, map, parse. Nothing is shortcut in between.
 */
class LayerInvocationRoundTripTest {
    static final String KEYS = "k1:" + Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B');
    static final String TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private final InProcessLambda lambda = new InProcessLambda();
    private final List<Invocation> seen = new ArrayList<>();
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private Consumer<String> previousLog;
    private LambdaLayerClient orchestrator;

    /** A search-like target: echoes the query, creates with 201, refuses and fails on request. */
    final class SearchLike extends EnvelopeHandler {
        SearchLike(FunctionConfig config, EnvelopeVerifier verifier) {
            super(config, verifier);
        }

        @Override
        protected Object handle(Invocation inv) {
            seen.add(inv);
            return switch (inv.operation()) {
                case "search" -> Map.of("hits", List.of(), "query", inv.body().path("query").asText());
                case "create" -> Response.created(Map.of("id", "d-1"));
                case "conflict" -> throw new ApiException(409, ErrorCodes.CONFLICT, "already there", Map.of("documentId", "d-1"));
                case "crash" -> throw new IllegalStateException("secret internal detail /var/task/index");
                default -> throw ApiException.notFound("no operation " + inv.operation());
            };
        }
    }

    @BeforeEach
    void wire() {
        previousLog = Log.setOutput(logLines::add);
        FunctionConfig orchestratorConfig = FunctionConfig.of(Map.of("EDGEMESH_FUNCTION_NAME", "orchestrator",
                "EDGEMESH_ENVELOPE_KEYS", KEYS, "EDGEMESH_PREFIX", "edgemesh-test"));
        FunctionConfig searchConfig = FunctionConfig.of(Map.of("EDGEMESH_FUNCTION_NAME", "search", "EDGEMESH_ENVELOPE_KEYS", KEYS));
        Clock clock = Clock.systemUTC();
        KeySource keys = Envelopes.keySource(searchConfig, null, clock);
        EnvelopeVerifier verifier = Envelopes.verifier(Envelopes.layerOfThisFunction(searchConfig), keys,
                ReplayGuard.inMemory(clock), clock);
        lambda.register("edgemesh-test-search", new SearchLike(searchConfig, verifier));
        orchestrator = new LambdaLayerClient(orchestratorConfig, lambda, Envelopes.signer(Envelopes.keySource(orchestratorConfig, null, clock), clock));
    }

    @AfterEach
    void restoreLog() {
        Log.setOutput(previousLog);
    }

    private static ObjectNode query(String tenant) {
        ObjectNode q = Json.MAPPER.createObjectNode().put("query", "opening hours");
        if (tenant != null) q.put("tenantId", tenant);
        return q;
    }

    @Test
    void aCallRoundTripsWithTheVerifiedIdsAndTheTraceContinued() {
        // WHEN the orchestrator invokes search for tenant acme
        InvocationResult r = orchestrator.invoke("search", "search", "acme", query("acme"), TRACE);
        // THEN search saw the verified call and the answer came back
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("query").asText()).isEqualTo("opening hours");
        assertThat(seen).singleElement().satisfies(inv -> {
            assertThat(inv.tenantId()).isEqualTo("acme");
            assertThat(inv.source()).isEqualTo("orchestration");
            assertThat(inv.operation()).isEqualTo("search");
            assertThat(inv.traceparent()).isEqualTo(TRACE);
            assertThat(inv.requestId()).isNotBlank();
        });
    }

    @Test
    void aCallWithoutATraceStartsOne() {
        orchestrator.invoke("search", "search", "acme", query(null), "garbage");
        assertThat(seen.get(0).traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void aHandlerCanAnswerWithAnExplicitStatus() {
        InvocationResult r = orchestrator.invoke("search", "create", "acme", query("acme"), TRACE);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().path("id").asText()).isEqualTo("d-1");
    }

    @Test
    void anApiExceptionKeepsItsStatusCodeAndDetails() {
        InvocationResult r = orchestrator.invoke("search", "conflict", "acme", query("acme"), TRACE);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.ok()).isFalse();
        assertThat(r.body().path("code").asText()).isEqualTo("conflict");
        assertThat(r.body().path("documentId").asText()).isEqualTo("d-1");
    }

    @Test
    void anUnexpectedExceptionIsA500WithoutInternals() {
        InvocationResult r = orchestrator.invoke("search", "crash", "acme", query("acme"), TRACE);
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body().path("code").asText()).isEqualTo(ErrorCodes.INTERNAL);
        assertThat(r.body().toString()).doesNotContain("/var/task").doesNotContain("IllegalState");
    }

    @Test
    void aTamperedBodyIsRejectedBeforeTheHandlerRunsAndTheReasonIsOnlyLogged() {
        // GIVEN a man in the middle who swaps the tenant in the body
        lambda.tamper = payload -> {
            JsonNode root = Json.parse(payload);
            String body = new String(Base64.getUrlDecoder().decode(root.path("body").asText()), StandardCharsets.UTF_8);
            ((ObjectNode) root).put("body", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(body.replace("opening hours", "admin secrets").getBytes(StandardCharsets.UTF_8)));
            return Json.writeBytes(root);
        };
        // WHEN the call goes through
        InvocationResult r = orchestrator.invoke("search", "search", "acme", query("acme"), TRACE);
        // THEN it is refused, search never ran, and only the log says why
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().path("code").asText()).isEqualTo(ErrorCodes.ENVELOPE_REJECTED);
        assertThat(r.body().toString()).doesNotContain("BODY_MISMATCH");
        assertThat(seen).isEmpty();
        assertThat(logLines).anySatisfy(l -> assertThat(l).contains("\"reason\":\"BODY_MISMATCH\"").contains("\"tenantId\":\"acme\""));
    }

    @Test
    void aTamperedEnvelopeFieldIsABadSignature() {
        lambda.tamper = payload -> {
            JsonNode root = Json.parse(payload);
            ((ObjectNode) root.path("envelope")).put("operation", "conflict");
            return Json.writeBytes(root);
        };
        InvocationResult r = orchestrator.invoke("search", "search", "acme", query("acme"), TRACE);
        assertThat(r.status()).isEqualTo(401);
        assertThat(seen).isEmpty();
        assertThat(logLines).anySatisfy(l -> assertThat(l).contains("\"reason\":\"BAD_SIGNATURE\""));
    }

    @Test
    void aReplayedPayloadIsForbidden() {
        orchestrator.invoke("search", "search", "acme", query("acme"), TRACE);
        byte[] captured = lambda.sent.get(0);
        lambda.tamper = payload -> captured;
        InvocationResult r = orchestrator.invoke("search", "search", "acme", query("acme"), TRACE);
        assertThat(r.status()).isEqualTo(403);
        assertThat(seen).hasSize(1);
        assertThat(logLines).anySatisfy(l -> assertThat(l).contains("\"reason\":\"REPLAY\""));
    }

    @Test
    void aBodyForAnotherTenantIsForbidden() {
        InvocationResult r = orchestrator.invoke("search", "search", "acme", query("globex"), TRACE);
        assertThat(r.status()).isEqualTo(403);
        assertThat(seen).isEmpty();
    }

    @Test
    void anHttpForwardWhosePrincipalIsAnotherTenantIsForbidden() {
        HttpForward forward = new HttpForward("POST", "/v1/search", Map.of(), Map.of(), query(null),
                new HttpForward.Principal("secret_key", "globex", "sk_1", null), "203.0.113.7");
        InvocationResult r = orchestrator.invoke("search", "search", "acme", forward, TRACE);
        assertThat(r.status()).isEqualTo(403);
        assertThat(seen).isEmpty();
    }

    @Test
    void aTransportFailureIsUpstreamUnavailable() {
        lambda.failWith = SdkClientException.create("connection refused");
        assertThatThrownBy(() -> orchestrator.invoke("search", "search", "acme", query("acme"), TRACE))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.code()).isEqualTo(ErrorCodes.UPSTREAM_UNAVAILABLE);
                });
    }

    @Test
    void aCrashedTargetIsUpstreamUnavailable() {
        lambda.functionError = "Unhandled";
        assertThatThrownBy(() -> orchestrator.invoke("search", "search", "acme", query("acme"), TRACE))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.UPSTREAM_UNAVAILABLE));
    }

    @Test
    void aFunctionMayOnlyInvokeWhatTheCatalogAllows() {
        assertThatThrownBy(() -> orchestrator.invoke("uploads", "documents.list", "acme", query("acme"), TRACE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("may not invoke uploads");
    }

    @ParameterizedTest(name = "{0} is rejected as a malformed envelope")
    @ValueSource(strings = {"not-json.txt", "missing-body.json", "timestamps-as-strings.json", "fractional-timestamp.json",
            "extra-member.json", "unsigned.json", "array.json"})
    void malformedPayloadsAre401WithoutReachingTheHandler(String fixture) throws IOException {
        byte[] payload;
        try (InputStream in = getClass().getResourceAsStream("/invoke/" + fixture)) {
            payload = in.readAllBytes();
        }
        JsonNode answer = Json.parse(((SearchLike) lambda.functions.get("edgemesh-test-search")).answer(payload));
        assertThat(answer.path("status").asInt()).isEqualTo(401);
        assertThat(answer.path("error").path("code").asText()).isEqualTo(ErrorCodes.ENVELOPE_REJECTED);
        assertThat(seen).isEmpty();
        assertThat(logLines).anySatisfy(l -> assertThat(l).contains("\"reason\":\"MALFORMED\""));
    }

    @Test
    void theSnapStartPrimingRunsTheEnvelopePathWithoutRealKeys() {
        EnvelopeHandler.warmEnvelopePath();
        assertThat(seen).isEmpty();
    }

    @Test
    void withoutAnyKeyConfigurationTheFunctionFailsAtStartNamingBothVariables() {
        assertThatThrownBy(() -> Envelopes.keySource(FunctionConfig.of(Map.of()), null, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EDGEMESH_ENVELOPE_KEYS").hasMessageContaining("EDGEMESH_ENVELOPE_SECRET_ARN");
    }

    @Test
    void aBadKeySpecFailsAtStartWithoutPrintingTheKey() {
        assertThatThrownBy(() -> Envelopes.keySource(FunctionConfig.of(Map.of("EDGEMESH_ENVELOPE_KEYS", "k1:c2hvcnQ=")), null, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("shorter than 32 bytes").hasMessageNotContaining("c2hvcnQ");
    }
}
