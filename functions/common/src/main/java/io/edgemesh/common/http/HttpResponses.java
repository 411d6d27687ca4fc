package io.edgemesh.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds function-URL responses: JSON bodies, the one error model
 * {@code {"error":{"code","message",...details}}}, and the headers every API response carries
 * ({@code nosniff}, {@code no-store}: answers are per tenant and must not sit in shared caches).
 */
public final class HttpResponses {
    public static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";

    private HttpResponses() { }

    /** The headers on every API response; callers may add more (CORS is the ingress's business). */
    public static Map<String, String> securityHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("content-type", JSON_CONTENT_TYPE);
        h.put("x-content-type-options", "nosniff");
        h.put("cache-control", "no-store");
        h.put("referrer-policy", "no-referrer");
        return h;
    }

    public static APIGatewayV2HTTPResponse ok(Object body) { return json(200, body); }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return json(status, body, Map.of());
    }

    /** A JSON response; {@code extraHeaders} override the defaults with the same (lower-case) name. */
    public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> extraHeaders) {
        Map<String, String> headers = securityHeaders();
        extraHeaders.forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body == null ? "" : body instanceof String s ? s : Json.write(body))
                .withIsBase64Encoded(false)
                .build();
    }

    public static APIGatewayV2HTTPResponse noContent() {
        Map<String, String> headers = securityHeaders();
        headers.remove("content-type");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(204).withHeaders(headers).withBody("")
                .withIsBase64Encoded(false).build();
    }

    /** The error body of {@code e}: details sit next to code and message but can never replace them. */
    public static Map<String, Object> errorBody(ApiException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code());
        error.put("message", e.getMessage());
        e.details().forEach(error::putIfAbsent);
        return Map.of("error", error);
    }

    /** The response for {@code e}, with {@code Retry-After} on a 429 (from {@code retryAfterSeconds}, default 1). */
    public static APIGatewayV2HTTPResponse error(ApiException e) {
        Map<String, String> extra = new LinkedHashMap<>();
        if (e.status() == 429 || e.status() == 503) {
            Object retry = e.details().get("retryAfterSeconds");
            long seconds = retry instanceof Number n ? Math.max(1, n.longValue()) : 1;
            extra.put("retry-after", Long.toString(seconds));
        }
        return json(e.status(), errorBody(e), extra);
    }

    /**
     * Maps any failure: an {@link ApiException} as itself, anything else as a bare 500
     * {@code internal_error} that reveals nothing (log the cause before calling this).
     */
    public static APIGatewayV2HTTPResponse error(Throwable t) {
        return error(t instanceof ApiException api ? api : ApiException.internal());
    }
}
