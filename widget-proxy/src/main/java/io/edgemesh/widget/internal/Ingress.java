package io.edgemesh.widget.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.ErrorCodes;
import io.edgemesh.common.Json;
import io.edgemesh.common.invoke.HttpForward;
import io.edgemesh.common.invoke.InvocationResult;
import io.edgemesh.common.invoke.LayerClient;
import io.edgemesh.common.http.HttpRequest;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.LogContext;
import io.edgemesh.common.log.Logger;
import io.edgemesh.common.metrics.Metrics;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.RouteDef;
import io.edgemesh.widget.internal.chat.ChatService;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Layer 1 request pipeline, free of Lambda types: route → (preflight) → authenticate → body
 * limit and media type → own operation or signed forward → response with CORS for browser routes.
 * Every failure leaves as the common error model; an unexpected exception is logged and becomes a
 * 500 without internals.
 */
public final class Ingress {

    /**
     * The tenant id an invocation carries when no tenant is involved (public catalogue routes, and
     * admin calls that do not name a tenant, such as creating one).
     */
    public static final String PLATFORM_TENANT = "_platform";

    private static final Logger LOG = Log.get(Ingress.class);
    private static final java.util.regex.Pattern TENANT_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final List<RouteDef> routes;
    private final Authenticator auth;
    private final LayerClient layers;
    private final ChatService chat;
    private final AssetServer assets;

    public Ingress(List<RouteDef> routes, Authenticator auth, LayerClient layers, ChatService chat, AssetServer assets) {
        // Local-only routes (health, demo) are the local host's own pages, never the function's.
        this.routes = routes.stream().filter(r -> !r.localOnly()).toList();
        this.auth = auth;
        this.layers = layers;
        this.chat = chat;
        this.assets = assets;
    }

    public Ingress(Authenticator auth, LayerClient layers, ChatService chat, AssetServer assets) {
        this(EdgeMeshResources.ROUTES, auth, layers, chat, assets);
    }

    public HttpResponse handle(HttpRequest req) {
        long start = System.nanoTime();
        String requestId = req.requestId() == null ? "" : req.requestId();
        String traceparent = Traceparent.continueOrStart(req);
        String routeName = "-";
        Outcome outcome = new Outcome();
        HttpResponse resp;
        try (LogContext.Scope scope = LogContext.with(null, requestId, LogContext.traceIdOf(traceparent))) {
            try {
                List<RouteDef> pathRoutes = routes.stream().filter(r -> r.matchPath(req.path()).isPresent()).toList();
                if (pathRoutes.isEmpty()) throw ApiException.notFound("no route " + req.method() + " " + req.path());
                if (req.method().equals("OPTIONS")) {
                    routeName = "OPTIONS " + pathRoutes.getFirst().path();
                    resp = preflight(req, pathRoutes);
                } else {
                    RouteDef route = pathRoutes.stream().filter(r -> r.method().equals(req.method())).findFirst()
                            .orElseThrow(() -> methodNotAllowed(req, pathRoutes));
                    routeName = route.method() + " " + route.path();
                    resp = route(req, route, traceparent, outcome);
                }
            } catch (ApiException e) {
                outcome.code = e.code();
                resp = HttpResponse.error(e);
            } catch (software.amazon.awssdk.core.exception.SdkException e) {
                // a dependency (DynamoDB, Secrets Manager) is unreachable or throttling: the caller may
                // retry, so this is 503 with Retry-After, not a 500
                try (LogContext.Scope tenantScope = LogContext.withTenant(outcome.tenantId)) {
                    LOG.warn("dependency unavailable", e, "route", routeName);
                }
                outcome.code = ErrorCodes.UPSTREAM_UNAVAILABLE;
                resp = HttpResponse.error(new ApiException(503, ErrorCodes.UPSTREAM_UNAVAILABLE,
                        "a service this request needs is unavailable; retry shortly", java.util.Map.of("retryAfterSeconds", 2)));
            } catch (RuntimeException e) {
                try (LogContext.Scope tenantScope = LogContext.withTenant(outcome.tenantId)) {
                    LOG.error("unhandled error", e, "route", routeName);
                }
                outcome.code = ErrorCodes.INTERNAL;
                resp = HttpResponse.error(ApiException.internal());
            }
            if (!requestId.isEmpty()) resp = resp.withHeader("x-request-id", requestId);
            long micros = (System.nanoTime() - start) / 1_000;
            try (LogContext.Scope tenantScope = LogContext.withTenant(outcome.tenantId)) {
                LOG.info("request", "route", routeName, "status", resp.status(), "code", outcome.code,
                        "latencyMs", micros / 1000.0);
            }
            metrics(routeName, resp.status(), outcome, micros);
        }
        return resp;
    }

    /** Who the request turned out to be for and, when refused, why: for the log line and the metrics. */
    private static final class Outcome {
        String tenantId;
        String code;
    }

    /** One EMF line per request, dimensioned by tenant; refusals counted by their code. */
    private static void metrics(String route, int status, Outcome outcome, long micros) {
        Metrics m = Metrics.begin("ingress", outcome.tenantId == null ? Metrics.UNKNOWN_TENANT : outcome.tenantId)
                .count("Requests").millis("Latency", micros / 1000).property("route", route).property("status", status);
        if (status >= 500) m.count("ServerErrors");
        if (outcome.code != null) m.count("Refused." + outcome.code);
        m.flush();
    }

    private HttpResponse preflight(HttpRequest req, List<RouteDef> pathRoutes) {
        if (pathRoutes.stream().noneMatch(Cors::isBrowserRoute)) {
            // Server-to-server routes: no CORS at all, so browsers cannot call them.
            throw methodNotAllowed(req, pathRoutes);
        }
        return Cors.preflight(req, pathRoutes);
    }

    private static ApiException methodNotAllowed(HttpRequest req, List<RouteDef> pathRoutes) {
        String allow = Cors.allowList(pathRoutes);
        if (pathRoutes.stream().anyMatch(Cors::isBrowserRoute)) allow += ", OPTIONS";
        return new ApiException(405, ErrorCodes.METHOD_NOT_ALLOWED,
                req.method() + " is not allowed on " + req.path() + "; allowed: " + allow, Map.of("allow", allow));
    }

    private HttpResponse route(HttpRequest req, RouteDef route, String traceparent, Outcome outcome) {
        boolean browser = Cors.isBrowserRoute(route);
        try {
            Caller caller = auth.authenticate(route.auth(), req, tenantId -> outcome.tenantId = tenantId);
            if (caller.tenantId() != null) outcome.tenantId = caller.tenantId();
            try (LogContext.Scope tenantScope = LogContext.withTenant(caller.tenantId())) {
                checkBody(req, route);
                HttpResponse r = dispatch(req, route, caller, traceparent);
                return browser ? r.withHeaders(Cors.allowOrigin(caller.origin())) : r;
            }
        } catch (ApiException e) {
            outcome.code = e.code();
            HttpResponse r = HttpResponse.error(e);
            if (!browser) return r;
            // See Cors: error bodies may be read by any well-formed origin so the widget can explain them.
            return Cors.requestOrigin(req).map(o -> r.withHeaders(Cors.allowOrigin(o))).orElse(r);
        }
    }

    private static void checkBody(HttpRequest req, RouteDef route) {
        int size = req.body().length;
        if (size > route.maxBodyBytes()) throw ApiException.payloadTooLarge(route.maxBodyBytes());
        if (size > 0) {
            String type = req.header("content-type").orElse("").toLowerCase(Locale.ROOT);
            String mediaType = type.split(";", 2)[0].trim();
            if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
                throw new ApiException(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                        "the body must be JSON (Content-Type: application/json)");
            }
        }
    }

    private HttpResponse dispatch(HttpRequest req, RouteDef route, Caller caller, String traceparent) {
        JsonNode body = req.body().length == 0 ? null : Json.parse(req.body());
        if (route.function().equals("ingress")) {
            return switch (route.operation()) {
                case "assets.get" -> assets.serve(req);
                case "chat" -> HttpResponse.json(200, chat.chat(caller, body, Authenticator.bearer(req),
                        req.sourceIp(), traceparent));
                default -> throw new IllegalStateException("ingress has no operation " + route.operation());
            };
        }
        Map<String, String> params = route.matchPath(req.path()).orElseThrow();
        HttpForward forward = new HttpForward(req.method(), req.path(), params, req.query(), body,
                caller.principal(), req.sourceIp());
        String tenantId = caller.tenantId() != null ? caller.tenantId()
                : params.getOrDefault("tenantId", PLATFORM_TENANT);
        if (!TENANT_ID.matcher(tenantId).matches()) throw ApiException.notFound("no tenant " + tenantId);
        InvocationResult r = layers.invoke(route.function(), route.operation(), tenantId, forward, traceparent);
        return Upstream.toResponse(route.function(), r);
    }
}
