package io.edgemesh.widget.internal;

import io.edgemesh.common.ApiException;
import io.edgemesh.common.http.HttpRequest;
import io.edgemesh.common.ErrorCodes;
import io.edgemesh.routes.AuthMode;
import io.edgemesh.routes.RouteDef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CORS for the browser routes (those authenticated by a publishable key). Secret-key and admin
 * routes never get CORS headers, so a browser can never read their responses.
 *
 * <p>Why preflights are answered for any well-formed origin: a preflight carries no custom headers,
 * so the publishable key (and with it the tenant and its allowed origins) is unknown at that point.
 * The preflight only lets the browser <em>send</em> the real request; the real request is then
 * authenticated (key, and Origin among the tenant's allowed origins) before anything happens, and a
 * success response names the verified origin in {@code Access-Control-Allow-Origin}. Error responses
 * of browser routes echo the request origin too, so a widget on a wrong site can show "this site is
 * not allowed" instead of a bare network error; they contain only the error code and message.
 * {@code *} is never used: every CORS response names one origin and carries {@code Vary: Origin}.
 */
public final class Cors {

    static final String ALLOW_HEADERS = "content-type, x-edgemesh-key, authorization";
    static final String MAX_AGE_SECONDS = "600";
    private static final Set<String> ALLOWED_REQUEST_HEADERS = Set.of("content-type", "x-edgemesh-key", "authorization");

    private Cors() { }

    /** Routes served to browsers. */
    public static boolean isBrowserRoute(RouteDef r) {
        return r.auth() == AuthMode.PUBLISHABLE_KEY;
    }

    /** Answers an {@code OPTIONS} preflight for a path whose routes include browser routes. */
    public static HttpResponse preflight(HttpRequest req, List<RouteDef> pathRoutes) {
        List<String> methods = pathRoutes.stream().filter(Cors::isBrowserRoute).map(RouteDef::method).distinct().toList();
        String origin = req.header("origin").flatMap(Origins::normalise).orElseThrow(() ->
                ApiException.forbidden(ErrorCodes.ORIGIN_NOT_ALLOWED, "a preflight needs an Origin header from a web page"));
        String requested = req.header("access-control-request-method").orElse("").toUpperCase(Locale.ROOT);
        if (!methods.contains(requested)) {
            throw new ApiException(405, ErrorCodes.METHOD_NOT_ALLOWED,
                    "Access-Control-Request-Method must be one of " + methods,
                    Map.of("allow", String.join(", ", methods) + ", OPTIONS"));
        }
        String reqHeaders = req.header("access-control-request-headers").orElse("");
        for (String h : reqHeaders.split(",")) {
            String name = h.trim().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !ALLOWED_REQUEST_HEADERS.contains(name)) {
                throw ApiException.forbidden(ErrorCodes.FORBIDDEN, "request header " + name + " is not allowed");
            }
        }
        Map<String, String> h = new LinkedHashMap<>(allowOrigin(origin));
        h.put("Access-Control-Allow-Methods", String.join(", ", methods) + ", OPTIONS");
        h.put("Access-Control-Allow-Headers", ALLOW_HEADERS);
        h.put("Access-Control-Max-Age", MAX_AGE_SECONDS);
        h.put("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        h.put("Cache-Control", "no-store");
        return new HttpResponse(204, h, "");
    }

    /** Headers that let the page at {@code origin} read a response of a browser route. */
    public static Map<String, String> allowOrigin(String origin) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Access-Control-Allow-Origin", origin);
        // Retry-After is not a CORS-safelisted response header; the widget needs it for rate limits.
        h.put("Access-Control-Expose-Headers", "Retry-After, X-Request-Id");
        h.put("Vary", "Origin");
        return h;
    }

    /** The request's origin in normalised form, when it has a well-formed one. */
    public static Optional<String> requestOrigin(HttpRequest req) {
        return req.header("origin").flatMap(Origins::normalise);
    }

    static String allowList(List<RouteDef> pathRoutes) {
        return pathRoutes.stream().map(RouteDef::method).distinct().collect(Collectors.joining(", "));
    }
}
