package io.edgemesh.widget;

import static io.edgemesh.widget.IngressRoutingTest.json;
import static io.edgemesh.widget.support.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.ErrorCodes;
import io.edgemesh.common.invoke.InvocationResult;
import io.edgemesh.widget.internal.Ingress;
import io.edgemesh.widget.support.RecordingLayers;
import io.edgemesh.widget.support.TestIngress;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routes of other layers leave as signed invocations carrying an HttpForward, never credentials. */
class IngressForwardingTest {

    private final TestIngress t = new TestIngress();
    private final IngressHandler handler = new IngressHandler(t.ingress());

    private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent e) { return handler.handleRequest(e, null); }

    @Test
    void forwardCarriesOperationTenantPrincipalAndClientIpButNoCredentials() {
        // GIVEN GET /v1/documents/doc-123?include=pages with the shop's secret key
        t.layers.answer("uploads", "documents.get", 200, "{\"documentId\":\"doc-123\",\"status\":\"ready\"}");
        APIGatewayV2HTTPResponse r = call(event("document-get"));
        // THEN the uploads function gets operation documents.get for tenant shop with the resolved principal
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(json(r).get("documentId").asText()).isEqualTo("doc-123");
        RecordingLayers.Call c = t.layers.calls().getFirst();
        assertThat(c.function()).isEqualTo("uploads");
        assertThat(c.operation()).isEqualTo("documents.get");
        assertThat(c.tenantId()).isEqualTo("shop");
        assertThat(c.body().get("method").asText()).isEqualTo("GET");
        assertThat(c.body().get("path").asText()).isEqualTo("/v1/documents/doc-123");
        assertThat(c.body().at("/pathParams/documentId").asText()).isEqualTo("doc-123");
        assertThat(c.body().at("/query/include").asText()).isEqualTo("pages");
        assertThat(c.body().at("/principal/kind").asText()).isEqualTo("secret_key");
        assertThat(c.body().at("/principal/keyId").asText()).isEqualTo("key-sk-1");
        assertThat(c.body().get("clientIp").asText()).isEqualTo("203.0.113.7");
        assertThat(c.body().toString()).doesNotContain("sk_test_shop_secret");
        assertThat(c.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void aValidTraceparentIsContinued() {
        t.layers.answer("uploads", "documents.get", 200, "{}");
        String tp = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        call(io.edgemesh.widget.support.Fixtures.header(event("document-get"), "traceparent", tp));
        assertThat(t.layers.calls().getFirst().traceparent()).isEqualTo(tp);
    }

    @Test
    void jsonBodyIsForwardedParsed() {
        t.layers.answer("firewall", "guard", 200, "{\"action\":\"allow\",\"categories\":[]}");
        call(event("guard-secret-key"));
        assertThat(t.layers.calls().getFirst().body().at("/body/text").asText()).isEqualTo("Please summarise the refund policy.");
    }

    @Test
    void adminCallWithoutATenantInThePathActsForThePlatform() {
        t.layers.answer("admin", "tenants.create", 201, "{\"tenantId\":\"acme\"}");
        APIGatewayV2HTTPResponse r = call(event("admin-tenant-create"));
        assertThat(r.getStatusCode()).isEqualTo(201);
        assertThat(t.layers.calls().getFirst().tenantId()).isEqualTo(Ingress.PLATFORM_TENANT);
        assertThat(t.layers.calls().getFirst().body().at("/principal/tenantId").isNull()).isTrue();
    }

    @Test
    void targetRefusalPassesThroughWithItsCodeAndDetails() {
        // GIVEN the target answers 404 with its own error
        t.layers.answer("uploads", "documents.get", 404, "{\"code\":\"not_found\",\"message\":\"no document doc-123\",\"documentId\":\"doc-123\"}");
        APIGatewayV2HTTPResponse r = call(event("document-get"));
        assertThat(r.getStatusCode()).isEqualTo(404);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("not_found");
        assertThat(json(r).at("/error/documentId").asText()).isEqualTo("doc-123");
    }

    @Test
    void targetFailureBecomesBadGatewayWithoutItsInternals() {
        t.layers.answer("uploads", "documents.get", 500, "{\"code\":\"internal_error\",\"message\":\"NullPointerException at X\"}");
        APIGatewayV2HTTPResponse r = call(event("document-get"));
        assertThat(r.getStatusCode()).isEqualTo(502);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("upstream_unavailable");
        assertThat(r.getBody()).doesNotContain("NullPointerException");
    }

    @Test
    void unreachableTargetIsBadGateway() {
        t.layers.answer("uploads", "documents.get", b -> {
            throw new ApiException(502, ErrorCodes.UPSTREAM_UNAVAILABLE, "uploads did not answer");
        });
        assertThat(call(event("document-get")).getStatusCode()).isEqualTo(502);
    }

    @Test
    void targetRetryAfterReachesTheCaller() {
        t.layers.answer("uploads", "documents.get", b -> new InvocationResult(429,
                RecordingLayers.result(429, "{\"code\":\"rate_limited\",\"message\":\"slow down\"}").body(), Map.of("Retry-After", "7")));
        APIGatewayV2HTTPResponse r = call(event("document-get"));
        assertThat(r.getStatusCode()).isEqualTo(429);
        assertThat(r.getHeaders()).containsEntry("retry-after", "7");
    }
}
