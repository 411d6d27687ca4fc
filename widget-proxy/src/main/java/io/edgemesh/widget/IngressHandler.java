package io.edgemesh.widget;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.edgemesh.backbone.tenants.TenantStore;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.common.crac.Priming;
import io.edgemesh.common.http.HttpRequest;
import io.edgemesh.common.http.HttpRequests;
import io.edgemesh.common.invoke.LambdaLayerClient;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.LogContext;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.RouteDef;
import io.edgemesh.widget.internal.BackboneTenants;
import io.edgemesh.widget.internal.HttpResponse;
import io.edgemesh.widget.internal.Ingress;
import io.edgemesh.widget.internal.IngressWiring;
import java.util.Map;

/**
 * Layer 1: the one public entry (the function URL) for every route of
 * {@link EdgeMeshResources#ROUTES}. Converts the function-URL event and response; everything else
 * happens in {@link Ingress}: routing, authentication by key and origin, CORS, body limits, the
 * widget assets, chat (session token, rate limits, firewall, orchestrator) and signed forwarding of
 * the other routes to their layers.
 */
public final class IngressHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** The largest body any route accepts; each route's own limit is enforced after routing. */
    static final int MAX_BODY_BYTES = EdgeMeshResources.ROUTES.stream().mapToInt(RouteDef::maxBodyBytes).max().orElse(0);

    private final Ingress ingress;

    /**
     * Lambda: the process environment, marked as such so AWS clients use the default credentials
     * chain (re-resolved after a SnapStart restore) instead of keys frozen into the snapshot.
     */
    public IngressHandler() {
        this(build(FunctionConfig.fromSystem()));
    }

    /** The local edge and tests: an explicit environment. */
    public IngressHandler(Map<String, String> env) {
        this(build(FunctionConfig.of(env)));
    }

    IngressHandler(Ingress ingress) {
        this.ingress = ingress;
        Priming.register("ingress", this::prime, null);
    }

    private static Ingress build(FunctionConfig config) {
        Log.configure(config);
        AwsClients aws = AwsClients.from(config);
        TenantStore tenants = new TenantStore(aws.dynamoDb(), config.table(EdgeMeshResources.TENANTS.name()));
        return IngressWiring.build(config, new BackboneTenants(tenants), LambdaLayerClient.create(config, aws), aws);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try (LogContext.Scope fn = LogContext.withFunction("ingress")) {
            HttpRequest req;
            try {
                req = HttpRequests.parse(event, MAX_BODY_BYTES);
            } catch (ApiException e) {
                return toLambda(HttpResponse.error(e));
            }
            return toLambda(ingress.handle(req));
        }
    }

    /** Runs the request path without network calls so its classes are loaded and warm in the snapshot. */
    private void prime() {
        Priming.warmCommon();
        for (String path : new String[] {"/widget.js", "/widget.json", "/no-such-route"}) {
            ingress.handle(new HttpRequest("GET", path, Map.of(), Map.of(), Map.of(), new byte[0], "127.0.0.1", "priming"));
        }
        ingress.handle(new HttpRequest("OPTIONS", "/v1/chat", Map.of("origin", "https://priming.invalid",
                "access-control-request-method", "POST"), Map.of(), Map.of(), new byte[0], "127.0.0.1", "priming"));
        // the refusal path of chat (no key): JSON body parsing and the error model, without any lookup
        ingress.handle(new HttpRequest("POST", "/v1/chat", Map.of("content-type", "application/json"), Map.of(), Map.of(),
                "{\"message\":\"priming\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "127.0.0.1", "priming"));
    }

    private static APIGatewayV2HTTPResponse toLambda(HttpResponse r) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(r.status())
                .withHeaders(r.headers())
                .withBody(r.body())
                .withIsBase64Encoded(r.base64Encoded())
                .build();
    }
}
