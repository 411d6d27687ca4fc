package io.edgemesh.local.internal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.edgemesh.common.ErrorCodes;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.Logger;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.RouteDef;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one port of the local edge. Lambda's invoke API and the local-only routes ({@code /health},
 * {@code /demo}) are answered here; every other request on a known route becomes a function-URL
 * event for the Layer 1 ingress, exactly as AWS would deliver it. The edge never buffers more than
 * a route accepts: a declared length over the limit is refused before reading, and an undeclared
 * (chunked) body is read only up to the limit plus one byte.
 */
public final class EdgeServer implements HttpHandler {
    private static final Logger LOG = Log.get(EdgeServer.class);

    /** Answers a local-only route given the request's {@code Host} header. */
    public interface LocalRoute extends Function<HttpExchange, FunctionUrlEvents.Reply> { }

    private final Map<String, FunctionInstance> functions;
    private final Invoker invoker;
    private final LambdaInvokeEndpoint invoke;
    private final Map<String, LocalRoute> localRoutes;

    public EdgeServer(Map<String, FunctionInstance> functions, Invoker invoker, LambdaInvokeEndpoint invoke,
                      Map<String, LocalRoute> localRoutes) {
        this.functions = functions;
        this.invoker = invoker;
        this.invoke = invoke;
        this.localRoutes = Map.copyOf(localRoutes);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            FunctionUrlEvents.Reply reply;
            try {
                reply = route(exchange);
            } catch (IOException e) {
                // the client went away mid-request: nothing to answer
                LOG.debug("request aborted", "path", exchange.getRequestURI().getRawPath(), "problem", e.toString());
                return;
            } catch (RuntimeException e) {
                LOG.error("local edge failed on a request", e, "path", exchange.getRequestURI().getRawPath());
                reply = Replies.error(500, ErrorCodes.INTERNAL, "the local edge failed on this request; see its log");
            }
            Replies.send(exchange, reply);
        }
    }

    private FunctionUrlEvents.Reply route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String received = exchange.getRequestURI().getRawPath();
        String rawPath = received == null || received.isEmpty() ? "/" : received;

        if (LambdaInvokeEndpoint.matches(rawPath)) {
            long declared = declaredLength(exchange);
            boolean tooLarge = declared > invoke.maxPayloadBytes();
            byte[] payload = tooLarge ? new byte[0] : readCapped(exchange.getRequestBody(), invoke.maxPayloadBytes());
            if (payload.length > invoke.maxPayloadBytes()) tooLarge = true;
            return invoke.handle(method, rawPath, exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"),
                    payload, tooLarge);
        }

        List<RouteDef> samePath = EdgeMeshResources.ROUTES.stream()
                .filter(r -> r.matchPath(rawPath).isPresent()).toList();
        if (samePath.isEmpty()) {
            return Replies.error(404, ErrorCodes.NOT_FOUND, "no route for " + method + " " + rawPath);
        }
        Optional<RouteDef> exact = samePath.stream().filter(r -> r.method().equalsIgnoreCase(method)
                || (method.equals("HEAD") && r.method().equals("GET"))).findFirst();
        if (samePath.stream().allMatch(RouteDef::localOnly)) {
            if (exact.isEmpty()) {
                FunctionUrlEvents.Reply r = Replies.error(405, ErrorCodes.METHOD_NOT_ALLOWED, method + " is not allowed on " + rawPath);
                r.headers().put("allow", new ArrayList<>(List.of("GET, HEAD")));
                return r;
            }
            return localRoutes.get(exact.get().operation()).apply(exchange);
        }

        // the ingress answers 405 and CORS preflights itself, so it must see those requests with their body
        int limit = exact.map(RouteDef::maxBodyBytes)
                .orElseGet(() -> samePath.stream().mapToInt(RouteDef::maxBodyBytes).max().orElse(0));
        if (declaredLength(exchange) > limit) {
            return tooLarge(limit);
        }
        byte[] body = readCapped(exchange.getRequestBody(), limit);
        if (body.length > limit) {
            return tooLarge(limit);
        }

        FunctionInstance ingress = functions.get(EdgeMeshResources.INGRESS.name());
        if (ingress == null || !ingress.isLoaded()) {
            return Replies.error(503, ErrorCodes.UPSTREAM_UNAVAILABLE, "the ingress function is not available ("
                    + (ingress == null ? "not declared" : ingress.problem()) + ")");
        }
        String requestId = UUID.randomUUID().toString();
        InetSocketAddress remote = exchange.getRemoteAddress();
        FunctionUrlEvents.Request request = new FunctionUrlEvents.Request(method, rawPath,
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body,
                remote == null ? "127.0.0.1" : remote.getAddress().getHostAddress(), exchange.getProtocol(), Instant.now());
        APIGatewayV2HTTPEvent event = FunctionUrlEvents.toEvent(request, requestId);
        Invoker.Outcome<APIGatewayV2HTTPResponse> outcome = invoker.invokeEvent(ingress, event, APIGatewayV2HTTPResponse.class);
        FunctionUrlEvents.Reply reply;
        if (!outcome.ok()) {
            LOG.error("ingress failed", null, "requestId", requestId, "failureType", outcome.failure().errorType(),
                    "failureMessage", outcome.failure().errorMessage(), "path", rawPath);
            reply = Replies.error(502, ErrorCodes.UPSTREAM_UNAVAILABLE, outcome.failure().timedOut()
                    ? "the ingress function timed out" : "the ingress function failed; see the local edge's log");
        } else if (outcome.value() == null) {
            reply = Replies.error(502, ErrorCodes.UPSTREAM_UNAVAILABLE, "the ingress function returned no response");
        } else {
            reply = FunctionUrlEvents.toReply(outcome.value());
        }
        reply.headers().putIfAbsent("x-amzn-requestid", new ArrayList<>(List.of(requestId)));
        return reply;
    }

    private static FunctionUrlEvents.Reply tooLarge(int limit) {
        FunctionUrlEvents.Reply r = Replies.error(413, ErrorCodes.PAYLOAD_TOO_LARGE,
                "the body is larger than this route accepts (" + limit + " bytes)");
        // the rest of an oversized body is not read: the connection cannot be reused
        r.headers().put("connection", new ArrayList<>(List.of("close")));
        return r;
    }

    private static long declaredLength(HttpExchange exchange) {
        String v = exchange.getRequestHeaders().getFirst("Content-Length");
        if (v == null) return -1;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Up to {@code limit + 1} bytes: one more than allowed is enough to know it is too much. */
    static byte[] readCapped(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit + 1);
    }
}
