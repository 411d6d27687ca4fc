package io.edgemesh.widget;

import static io.edgemesh.widget.IngressRoutingTest.json;
import static io.edgemesh.widget.support.Fixtures.event;
import static io.edgemesh.widget.support.Fixtures.header;
import static io.edgemesh.widget.support.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.edgemesh.widget.support.TestIngress;
import org.junit.jupiter.api.Test;

/** CORS: per-request origin, never {@code *}, {@code Vary: Origin}; none at all on server-to-server routes. */
class IngressCorsTest {

    private final TestIngress t = new TestIngress();
    private final IngressHandler handler = new IngressHandler(t.ingress());

    private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent e) { return handler.handleRequest(e, null); }

    @Test
    void preflightForChatEchoesTheOriginAndVaries() {
        // GIVEN a browser preflight for POST /v1/chat with the widget's headers
        APIGatewayV2HTTPResponse r = call(event("chat-preflight"));
        // THEN 204 naming exactly that origin, the methods and headers, a max age, and Vary: Origin
        assertThat(r.getStatusCode()).isEqualTo(204);
        assertThat(r.getHeaders()).containsEntry("access-control-allow-origin", "https://shop.example")
                .containsEntry("access-control-allow-headers", "content-type, x-edgemesh-key, authorization")
                .containsEntry("access-control-allow-methods", "POST, OPTIONS")
                .containsEntry("access-control-max-age", "600")
                .doesNotContainKey("access-control-allow-credentials");
        assertThat(r.getHeaders().get("vary")).contains("Origin");
        assertThat(t.layers.calls()).isEmpty();
    }

    @Test
    void preflightForTenantStatusAllowsGet() {
        APIGatewayV2HTTPEvent e = header(path(event("chat-preflight"), "/v1/tenant/status"),
                "access-control-request-method", "GET");
        APIGatewayV2HTTPResponse r = call(e);
        assertThat(r.getStatusCode()).isEqualTo(204);
        assertThat(r.getHeaders()).containsEntry("access-control-allow-methods", "GET, OPTIONS");
    }

    @Test
    void preflightAskingForAnotherMethodIsRefusedWithoutCorsHeaders() {
        APIGatewayV2HTTPResponse r = call(header(event("chat-preflight"), "access-control-request-method", "DELETE"));
        assertThat(r.getStatusCode()).isEqualTo(405);
        assertThat(r.getHeaders()).doesNotContainKey("access-control-allow-origin");
    }

    @Test
    void preflightAskingForAnUnexpectedHeaderIsRefused() {
        APIGatewayV2HTTPResponse r = call(header(event("chat-preflight"), "access-control-request-headers", "x-forwarded-host"));
        assertThat(r.getStatusCode()).isEqualTo(403);
        assertThat(r.getHeaders()).doesNotContainKey("access-control-allow-origin");
    }

    @Test
    void preflightWithoutAWellFormedOriginIsRefused() {
        assertThat(call(header(event("chat-preflight"), "origin", "null")).getStatusCode()).isEqualTo(403);
        assertThat(call(header(event("chat-preflight"), "origin", null)).getStatusCode()).isEqualTo(403);
    }

    @Test
    void secretKeyAndAdminRoutesAnswerNoPreflight() {
        // GIVEN preflights for /v1/guard and an admin route THEN 405 without any CORS header
        for (String p : new String[] {"/v1/guard", "/admin/tenants/acme"}) {
            APIGatewayV2HTTPResponse r = call(path(event("chat-preflight"), p));
            assertThat(r.getStatusCode()).as(p).isEqualTo(405);
            assertThat(r.getHeaders()).as(p).doesNotContainKeys("access-control-allow-origin", "access-control-allow-methods");
        }
    }

    @Test
    void actualBrowserResponseNamesTheVerifiedOriginAndExposesRetryAfter() {
        t.layers.answer("orchestrator", "tenant.status", 200, "{\"ready\":true}");
        APIGatewayV2HTTPResponse r = call(header(event("tenant-status"), "origin", "https://shop.example:443"));
        assertThat(r.getHeaders()).containsEntry("access-control-allow-origin", "https://shop.example")
                .containsEntry("vary", "Origin");
        assertThat(r.getHeaders().get("access-control-expose-headers")).contains("Retry-After");
    }

    @Test
    void errorForADisallowedOriginIsReadableSoTheWidgetCanExplainIt() {
        // GIVEN a page on an origin the tenant did not allow
        APIGatewayV2HTTPResponse r = call(header(event("tenant-status"), "origin", "https://evil.example"));
        // THEN the 403 names that origin (body: code and message only), so the widget shows the reason
        assertThat(r.getStatusCode()).isEqualTo(403);
        assertThat(r.getHeaders()).containsEntry("access-control-allow-origin", "https://evil.example")
                .containsEntry("vary", "Origin");
        assertThat(json(r).get("error").fieldNames()).toIterable().containsExactlyInAnyOrder("code", "message");
    }

    @Test
    void secretKeyResponsesNeverCarryCors() {
        t.layers.answer("firewall", "guard", 200, "{\"action\":\"allow\"}");
        APIGatewayV2HTTPResponse ok = call(header(event("guard-secret-key"), "origin", "https://shop.example"));
        APIGatewayV2HTTPResponse denied = call(header(header(event("guard-secret-key"), "origin", "https://shop.example"),
                "authorization", "Bearer sk_wrong"));
        assertThat(ok.getStatusCode()).isEqualTo(200);
        assertThat(denied.getStatusCode()).isEqualTo(401);
        assertThat(ok.getHeaders()).doesNotContainKey("access-control-allow-origin");
        assertThat(denied.getHeaders()).doesNotContainKey("access-control-allow-origin");
    }
}
