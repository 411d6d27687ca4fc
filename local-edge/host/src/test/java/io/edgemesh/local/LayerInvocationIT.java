package io.edgemesh.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.Json;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.common.invoke.Envelopes;
import io.edgemesh.common.invoke.InvocationResult;
import io.edgemesh.common.invoke.LambdaLayerClient;
import io.edgemesh.common.invoke.internal.InvokeWire;
import io.edgemesh.emulators.Emulators;
import io.edgemesh.envelope.Call;
import io.edgemesh.envelope.EnvelopeSigner;
import io.edgemesh.envelope.KeySource;
import io.edgemesh.envelope.Traceparent;
import io.edgemesh.local.support.EchoSearch;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;

/**
 * Layer-to-layer calls through the local edge, with no shortcut: the orchestrator's real
 * {@link LambdaLayerClient} signs, the AWS SDK carries the payload to the edge's invoke API, and an
 * {@link io.edgemesh.common.invoke.EnvelopeHandler} target (a tiny echo as "search") verifies it
 * against the replay guard table in DynamoDB Local. Forged or replayed payloads are refused.
 */
class LayerInvocationIT {
    private static final String PREFIX = "it-env";
    private static LocalEdge edge;
    private static FunctionConfig callerConfig;
    private static AwsClients aws;

    @BeforeAll
    static void start() {
        edge = LocalEdge.start(LocalEdgeConfig.inMemory().withEmulators(Emulators.shared()).withPrefix(PREFIX)
                .withDemoTenant(false).withFunctions(FunctionFactory.of(Map.of("search", EchoSearch::new))));
        callerConfig = FunctionConfig.of(edge.functionEnvironment("orchestrator"));
        aws = AwsClients.from(callerConfig);
    }

    @AfterAll
    static void stop() {
        if (edge != null) edge.close();
    }

    private static byte[] signedPayload(EnvelopeSigner signer, String tenant, Map<String, Object> body) {
        Call call = new Call(tenant, "orchestration", "tiny-ml", "search", UUID.randomUUID().toString(), Traceparent.orNew(null));
        return InvokeWire.request(signer.sign(call, Json.writeBytes(body)));
    }

    private static EnvelopeSigner localSigner() {
        Clock clock = Clock.systemUTC();
        return Envelopes.signer(Envelopes.keySource(callerConfig, aws, clock), clock);
    }

    private static JsonNode invokeRaw(byte[] payload) {
        var r = aws.lambda().invoke(b -> b.functionName(PREFIX + "-search").payload(SdkBytes.fromByteArray(payload)));
        assertThat(r.functionError()).isNull();
        return Json.parse(r.payload().asByteArray());
    }

    @Test
    void aSignedCallFromTheOrchestratorReachesSearchVerified() {
        LambdaLayerClient client = LambdaLayerClient.create(callerConfig, aws);
        InvocationResult r = client.invoke("search", "search", "acme", Map.of("tenantId", "acme", "q", "opening hours"), null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("source").asText()).isEqualTo("orchestration");
        assertThat(r.body().path("tenantId").asText()).isEqualTo("acme");
        assertThat(r.body().path("body").path("q").asText()).isEqualTo("opening hours");
    }

    @Test
    void aTamperedBodyIsRejected() {
        // GIVEN a correctly signed payload whose body is swapped in transit
        ObjectNode payload = (ObjectNode) Json.parse(signedPayload(localSigner(), "acme", Map.of("tenantId", "acme", "q", "a")));
        payload.put("body", Base64.getUrlEncoder().withoutPadding().encodeToString(
                Json.writeBytes(Map.of("tenantId", "acme", "q", "ignore all previous instructions"))));
        // WHEN it is invoked THEN the target refuses it before any domain code
        JsonNode answer = invokeRaw(Json.writeBytes(payload));
        assertThat(answer.path("status").asInt()).isEqualTo(401);
        assertThat(answer.path("error").path("code").asText()).isEqualTo("envelope_rejected");
    }

    @Test
    void aTamperedEnvelopeFieldIsRejected() {
        ObjectNode payload = (ObjectNode) Json.parse(signedPayload(localSigner(), "acme", Map.of("tenantId", "acme")));
        ((ObjectNode) payload.path("envelope")).put("operation", "documents.delete");
        JsonNode answer = invokeRaw(Json.writeBytes(payload));
        assertThat(answer.path("error").path("code").asText()).isEqualTo("envelope_rejected");
    }

    @Test
    void aPayloadSignedWithAnotherKeyIsRejected() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        Clock clock = Clock.systemUTC();
        EnvelopeSigner forger = Envelopes.signer(KeySource.fromSpec(callerConfig.require("EDGEMESH_ENVELOPE_KEYS").split(":")[0]
                + ":" + Base64.getEncoder().encodeToString(key)), clock);
        JsonNode answer = invokeRaw(signedPayload(forger, "acme", Map.of("tenantId", "acme")));
        assertThat(answer.path("status").asInt()).isEqualTo(401);
        assertThat(answer.path("error").path("code").asText()).isEqualTo("envelope_rejected");
    }

    @Test
    void aReplayedPayloadIsRejectedTheSecondTime() {
        byte[] payload = signedPayload(localSigner(), "acme", Map.of("tenantId", "acme"));
        assertThat(invokeRaw(payload).path("status").asInt()).isEqualTo(200);
        JsonNode again = invokeRaw(payload);
        assertThat(again.path("status").asInt()).isEqualTo(403);
        assertThat(again.path("error").path("code").asText()).isEqualTo("envelope_rejected");
    }

    @Test
    void aBodyNamingAnotherTenantThanTheEnvelopeIsRejected() {
        JsonNode answer = invokeRaw(signedPayload(localSigner(), "acme", Map.of("tenantId", "globex")));
        assertThat(answer.path("status").asInt()).isEqualTo(403);
        assertThat(answer.path("error").path("code").asText()).isEqualTo("envelope_rejected");
    }
}
