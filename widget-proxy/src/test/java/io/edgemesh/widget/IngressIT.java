package io.edgemesh.widget;

import static io.edgemesh.widget.IngressRoutingTest.json;
import static io.edgemesh.widget.support.Fixtures.event;
import static io.edgemesh.widget.support.Fixtures.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.edgemesh.backbone.tenants.CreatedTenant;
import io.edgemesh.backbone.tenants.NewTenant;
import io.edgemesh.backbone.tenants.TenantStatus;
import io.edgemesh.backbone.tenants.TenantStore;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.emulators.Emulators;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.Names;
import io.edgemesh.widget.internal.BackboneTenants;
import io.edgemesh.widget.internal.IngressWiring;
import io.edgemesh.widget.support.RecordingLayers;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ingress wired from its environment against DynamoDB Local: tenants and keys from the backbone's
 * tenant store, token buckets in the rate-limits table. No layer runs behind it here (the local edge
 * tests do that), so a message that passes Layer 1 meets an unreachable firewall and fails closed.
 */
class IngressIT {

    private static Map<String, String> env;
    private static TenantStore store;

    @BeforeAll
    static void environment() {
        Emulators em = Emulators.shared();
        env = new HashMap<>(em.environment(Names.DEFAULT_PREFIX));
        byte[] envelopeKey = new byte[32];
        new SecureRandom().nextBytes(envelopeKey);
        env.put(Names.ENV_FUNCTION_NAME, "ingress");
        env.put(Names.ENV_SESSION_KEY, Base64.getEncoder().encodeToString(new byte[48]));
        env.put(Names.ENV_ADMIN_TOKEN, "it-admin-token-0123456789abcdef");
        env.put(Names.ENV_ENVELOPE_KEYS, "k1:" + Base64.getEncoder().encodeToString(envelopeKey));
        // Nothing listens here: invocations of other layers fail in transport.
        env.put(Names.ENV_ENDPOINT_LAMBDA, "http://127.0.0.1:9");
        store = new TenantStore(em.dynamoDb(), env.get(Names.tableEnv(EdgeMeshResources.TENANTS.name())));
    }

    private static CreatedTenant tenant(String origin) {
        String id = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        return store.create(new NewTenant(id, "IT shop", List.of(origin)));
    }

    private static APIGatewayV2HTTPEvent chat(CreatedTenant t, String origin) {
        return header(header(event("chat-first-message"), "x-edgemesh-key", t.tenant().publishableKey()), "origin", origin);
    }

    @Test
    void handlerBuiltFromItsEnvironmentAuthenticatesAgainstTheTenantStore() {
        // GIVEN a tenant created through the backbone's store, allowed on https://shop.example
        CreatedTenant t = tenant("https://shop.example");
        IngressHandler handler = new IngressHandler(env);
        // WHEN its key is used from another origin THEN 403 origin_not_allowed
        APIGatewayV2HTTPResponse wrongOrigin = handler.handleRequest(chat(t, "https://evil.example"), null);
        assertThat(wrongOrigin.getStatusCode()).isEqualTo(403);
        assertThat(json(wrongOrigin).at("/error/code").asText()).isEqualTo("origin_not_allowed");
        // AND a key the store does not know is 401
        APIGatewayV2HTTPResponse unknown = handler.handleRequest(
                header(event("chat-first-message"), "x-edgemesh-key", "pk_" + t.tenant().id() + "_notthekey"), null);
        assertThat(unknown.getStatusCode()).isEqualTo(401);
        // AND its secret key opens secret routes, but the layer behind is unreachable: 502, never a 500
        APIGatewayV2HTTPResponse guard = handler.handleRequest(
                header(event("guard-secret-key"), "authorization", "Bearer " + t.secretKey()), null);
        assertThat(guard.getStatusCode()).isEqualTo(502);
        // AND from the allowed origin the message passes Layer 1 and meets the unreachable firewall: fail closed
        APIGatewayV2HTTPResponse allowed = handler.handleRequest(chat(t, "https://shop.example"), null);
        assertThat(allowed.getStatusCode()).isEqualTo(502);
        assertThat(json(allowed).at("/error/code").asText()).isEqualTo("upstream_unavailable");
        assertThat(allowed.getHeaders()).containsEntry("access-control-allow-origin", "https://shop.example");
    }

    @Test
    void suspendedTenantIsRefused() {
        CreatedTenant t = tenant("https://gone.example");
        store.setStatus(t.tenant().id(), TenantStatus.SUSPENDED);
        APIGatewayV2HTTPResponse r = new IngressHandler(env).handleRequest(chat(t, "https://gone.example"), null);
        assertThat(r.getStatusCode()).isEqualTo(403);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("tenant_suspended");
    }

    @Test
    void sixtyFirstMessageOfTheMinuteIsRateLimitedOnDynamoDb() {
        // GIVEN a new tenant (default limit 60 per minute), the real stores, and layers that answer at once;
        // the clock stands still so no token comes back during the run
        CreatedTenant t = tenant("https://shop.example");
        FunctionConfig config = FunctionConfig.of(env);
        RecordingLayers layers = new RecordingLayers()
                .answer("firewall", "check", 200, "{\"action\":\"allow\",\"categories\":[]}")
                .answer("orchestrator", "chat", 200, "{\"answer\":\"ok\",\"citations\":[],\"usage\":{}}");
        AwsClients aws = AwsClients.from(config);
        IngressHandler handler = new IngressHandler(IngressWiring.build(config,
                new BackboneTenants(new TenantStore(aws.dynamoDb(), config.table(EdgeMeshResources.TENANTS.name()))),
                layers, aws, Clock.fixed(Instant.now(), ZoneOffset.UTC)));
        // WHEN 60 visitors send a message THEN all are answered
        for (int i = 0; i < 60; i++) {
            assertThat(handler.handleRequest(chat(t, "https://shop.example"), null).getStatusCode()).as("message %d", i + 1)
                    .isEqualTo(200);
        }
        // AND the 61st is refused with Retry-After, before it reaches any layer
        APIGatewayV2HTTPResponse r = handler.handleRequest(chat(t, "https://shop.example"), null);
        assertThat(r.getStatusCode()).isEqualTo(429);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("rate_limited");
        assertThat(r.getHeaders()).containsEntry("retry-after", "1");
        assertThat(layers.calls("firewall")).hasSize(60);
    }
}
