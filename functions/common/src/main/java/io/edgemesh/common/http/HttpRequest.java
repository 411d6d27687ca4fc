package io.edgemesh.common.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.Json;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A function-URL request after the checks every handler needs: method upper-cased, header names
 * lower-cased (HTTP names are case-insensitive and function URLs deliver them as sent), the body
 * decoded from base64 when flagged and already known to be within the route's limit.
 *
 * @param headers     lower-case name to value (repeated headers arrive comma-joined)
 * @param query       first value per query parameter
 * @param pathParams  path parameters when the front supplied them, else empty
 * @param body        raw body bytes, empty when there is none
 * @param sourceIp    caller IP as the function URL saw it, or null
 * @param requestId   the platform's request id, or null
 */
public record HttpRequest(String method, String path, Map<String, String> headers, Map<String, String> query,
                          Map<String, String> pathParams, byte[] body, String sourceIp, String requestId) {

    public HttpRequest {
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
        pathParams = Map.copyOf(pathParams);
        body = body == null ? new byte[0] : body;
    }

    /** Case-insensitive header lookup; blank values count as absent. */
    public Optional<String> header(String name) {
        String v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    public Optional<String> queryParam(String name) {
        String v = query.get(name);
        return v == null ? Optional.empty() : Optional.of(v);
    }

    public boolean hasBody() { return body.length > 0; }

    public String bodyText() { return new String(body, StandardCharsets.UTF_8); }

    /**
     * The body as JSON; missing or malformed is a 400 {@code invalid_request}, a declared non-JSON
     * content type is a 415 {@code unsupported_media_type}.
     */
    public JsonNode jsonBody() {
        header("content-type").ifPresent(ct -> {
            String base = ct.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!base.equals("application/json") && !base.endsWith("+json")) {
                throw new ApiException(415, io.edgemesh.common.ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                        "expected Content-Type application/json, got " + truncate(base));
            }
        });
        if (!hasBody()) throw ApiException.invalid("the request body is empty; expected a JSON object");
        return Json.parse(body);
    }

    /** The JSON body bound to {@code type}; a shape mismatch is a 400 {@code invalid_request}. */
    public <T> T jsonBody(Class<T> type) {
        return Json.convert(jsonBody(), type);
    }

    private static String truncate(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}
