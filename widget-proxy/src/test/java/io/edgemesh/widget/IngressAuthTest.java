package io.edgemesh.widget;

import static io.edgemesh.widget.IngressRoutingTest.json;
import static io.edgemesh.widget.support.Fixtures.event;
import static io.edgemesh.widget.support.Fixtures.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.edgemesh.widget.support.TestIngress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Authentication per AuthMode: publishable key bound to an origin, secret key, admin token. */
class IngressAuthTest {

    private final TestIngress t = new TestIngress();
    private final IngressHandler handler = new IngressHandler(t.ingress());

    @BeforeEach
    void layers() {
        t.layers.answer("orchestrator", "tenant.status", 200, "{\"ready\":true}");
        t.layers.answer("firewall", "guard", 200, "{\"action\":\"allow\",\"categories\":[]}");
        t.layers.answer("admin", "tenants.get", 200, "{\"tenantId\":\"acme\"}");
    }

    private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent e) { return handler.handleRequest(e, null); }

    private void assertError(APIGatewayV2HTTPResponse r, int status, String code) {
        assertThat(r.getStatusCode()).isEqualTo(status);
        assertThat(json(r).at("/error/code").asText()).isEqualTo(code);
    }

    @Test
    void publishableKeyFromAnAllowedOriginPasses() {
        APIGatewayV2HTTPResponse r = call(event("tenant-status"));
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(t.layers.calls("orchestrator")).singleElement()
                .satisfies(c -> assertThat(c.tenantId()).isEqualTo("shop"));
    }

    @Test
    void originIsComparedOnSchemeHostAndPortWithDefaultPortImplied() {
        // GIVEN the allowed origin https://shop.example WHEN the browser sends it with :443 and upper case
        APIGatewayV2HTTPResponse r = call(header(event("tenant-status"), "origin", "HTTPS://Shop.Example:443"));
        assertThat(r.getStatusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "http://shop.example", "https://shop.example:8443",
            "https://shop.example.evil.test", "https://evil.test/https://shop.example", "null", "https://sub.shop.example"})
    void originOutsideTheTenantsListIsForbidden(String origin) {
        // GIVEN a valid publishable key WHEN the page's origin is not one of the tenant's
        APIGatewayV2HTTPResponse r = call(header(event("tenant-status"), "origin", origin));
        // THEN 403 origin_not_allowed and nothing is forwarded
        assertError(r, 403, "origin_not_allowed");
        assertThat(t.layers.calls()).isEmpty();
    }

    @Test
    void missingOriginIsForbiddenForPublishableKeys() {
        assertError(call(header(event("tenant-status"), "origin", null)), 403, "origin_not_allowed");
    }

    @Test
    void missingPublishableKeyIsUnauthorized() {
        assertError(call(header(event("tenant-status"), "x-edgemesh-key", null)), 401, "unauthorized");
    }

    @Test
    void unknownPublishableKeyIsUnauthorized() {
        assertError(call(header(event("tenant-status"), "x-edgemesh-key", "pk_nobody")), 401, "unauthorized");
    }

    @Test
    void secretKeyInABrowserHeaderIsRefusedWithAWarning() {
        APIGatewayV2HTTPResponse r = call(header(event("tenant-status"), "x-edgemesh-key", "sk_test_shop_secret"));
        assertError(r, 401, "unauthorized");
        assertThat(json(r).at("/error/message").asText()).contains("never be used from a browser");
    }

    @Test
    void keyOfAnotherTenantDoesNotOpenThisTenantsOrigin() {
        // GIVEN the other tenant's key used from the shop's origin
        assertError(call(header(event("tenant-status"), "x-edgemesh-key", "pk_test_other")), 403, "origin_not_allowed");
    }

    @Test
    void suspendedTenantIsForbidden() {
        APIGatewayV2HTTPEvent e = header(header(event("tenant-status"), "x-edgemesh-key", "pk_test_gone"),
                "origin", "https://gone.example");
        assertError(call(e), 403, "tenant_suspended");
        assertError(call(header(event("guard-secret-key"), "authorization", "Bearer sk_test_gone_secret")),
                403, "tenant_suspended");
    }

    @Test
    void secretKeyRoutePassesWithTheTenantsSecretKey() {
        APIGatewayV2HTTPResponse r = call(event("guard-secret-key"));
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(t.layers.calls("firewall").getFirst().tenantId()).isEqualTo("shop");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Basic c2tfdGVzdA==", "Bearer pk_test_shop", "Bearer sk_unknown",
            "sk_test_shop_secret"})
    void secretKeyRouteRefusesAnythingElse(String authorization) {
        APIGatewayV2HTTPResponse r = call(header(event("guard-secret-key"), "authorization", authorization.isEmpty() ? null : authorization));
        assertError(r, 401, "unauthorized");
        assertThat(t.layers.calls()).isEmpty();
    }

    @Test
    void adminTokenOpensAdminRoutes() {
        APIGatewayV2HTTPResponse r = call(event("admin-tenant-get"));
        assertThat(r.getStatusCode()).isEqualTo(200);
        // AND the forwarded call acts for the tenant named in the path
        assertThat(t.layers.calls("admin").getFirst().tenantId()).isEqualTo("acme");
        assertThat(t.layers.calls("admin").getFirst().body().at("/principal/kind").asText()).isEqualTo("admin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer admin-token-for-tests-012345678", "Bearer admin-token-for-tests-01234567899",
            "Bearer sk_test_shop_secret", "Bearer "})
    void wrongAdminTokenIsUnauthorized(String authorization) {
        assertError(call(header(event("admin-tenant-get"), "authorization", authorization)), 401, "unauthorized");
        assertThat(t.layers.calls()).isEmpty();
    }

    @Test
    void withoutAConfiguredAdminTokenAdminRoutesAreClosed() {
        IngressHandler closed = new IngressHandler(new io.edgemesh.widget.internal.Ingress(
                new io.edgemesh.widget.internal.Authenticator(t.tenants, null), t.layers, null, null));
        APIGatewayV2HTTPResponse r = closed.handleRequest(event("admin-tenant-get"), null);
        assertError(r, 401, "unauthorized");
    }
}
