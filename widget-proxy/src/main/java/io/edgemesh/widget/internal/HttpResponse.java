package io.edgemesh.widget.internal;

import io.edgemesh.common.ApiException;
import io.edgemesh.common.Json;
import io.edgemesh.common.http.HttpResponses;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A public HTTP response: status, headers (lower-case names, as common's helpers write them) and a
 * body (text, or base64 for compressed bytes). API responses carry common's security headers and
 * are never cached by intermediaries, because they are per visitor and per tenant.
 */
public record HttpResponse(int status, Map<String, String> headers, String body, boolean base64Encoded) {

    public HttpResponse {
        Map<String, String> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
        headers = Map.copyOf(h);
        body = body == null ? "" : body;
    }

    public HttpResponse(int status, Map<String, String> headers, String body) {
        this(status, headers, body, false);
    }

    public static HttpResponse json(int status, Object value) {
        return new HttpResponse(status, HttpResponses.securityHeaders(), Json.write(value));
    }

    /** The common error model, with {@code Retry-After} when the error says when to retry and {@code Allow} on a 405. */
    public static HttpResponse error(ApiException e) {
        HttpResponse r = json(e.status(), HttpResponses.errorBody(e));
        Object retry = e.details().get("retryAfterSeconds");
        if (retry instanceof Number n) r = r.withHeader("retry-after", Long.toString(Math.max(1, n.longValue())));
        // A 405 names the methods the path does take, as HTTP requires.
        if (e.status() == 405 && e.details().get("allow") instanceof String allow) r = r.withHeader("allow", allow);
        return r;
    }

    /** The header value by case-insensitive name, or null. */
    public String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }

    public HttpResponse withHeader(String name, String value) {
        return withHeaders(Map.of(name, value));
    }

    public HttpResponse withHeaders(Map<String, String> more) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        more.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
        return new HttpResponse(status, h, body, base64Encoded);
    }
}
