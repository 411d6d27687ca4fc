package io.edgemesh.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.edgemesh.common.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Turns a function-URL / HTTP API v2 event into an {@link HttpRequest}, rejecting what is unsafe. */
public final class HttpRequests {
    private HttpRequests() { }

    /**
     * Parses {@code event}, refusing a body over {@code maxBodyBytes} (decoded size) with 413
     * {@code payload_too_large} before the body is decoded or copied: the size is checked on the
     * encoded form first, so an oversized body costs no allocation.
     *
     * @throws ApiException 400 for a missing event or a broken base64 body, 413 for an oversized body
     */
    public static HttpRequest parse(APIGatewayV2HTTPEvent event, int maxBodyBytes) {
        if (event == null) throw ApiException.invalid("the request is empty");
        if (maxBodyBytes < 0) throw new IllegalArgumentException("maxBodyBytes must be >= 0");
        var ctx = event.getRequestContext();
        var http = ctx == null ? null : ctx.getHttp();
        String method = http == null || http.getMethod() == null ? "GET" : http.getMethod().toUpperCase(Locale.ROOT);
        String path = event.getRawPath() != null ? event.getRawPath() : http != null && http.getPath() != null ? http.getPath() : "/";
        byte[] body = body(event.getBody(), event.getIsBase64Encoded(), maxBodyBytes);
        return new HttpRequest(method, path, lowerCaseKeys(event.getHeaders()), nonNull(event.getQueryStringParameters()),
                nonNull(event.getPathParameters()), body, http == null ? null : http.getSourceIp(),
                ctx == null ? null : ctx.getRequestId());
    }

    static byte[] body(String raw, boolean base64, int maxBodyBytes) {
        if (raw == null || raw.isEmpty()) return new byte[0];
        if (base64) {
            // Decoded size is at most 3/4 of the encoded length: reject before decoding anything big.
            if ((long) raw.length() / 4 * 3 - 2 > maxBodyBytes) throw ApiException.payloadTooLarge(maxBodyBytes);
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(raw);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("the request body is flagged base64 but is not valid base64");
            }
            if (decoded.length > maxBodyBytes) throw ApiException.payloadTooLarge(maxBodyBytes);
            return decoded;
        }
        // A char encodes to at least one UTF-8 byte, so a string longer than the limit is too big.
        if (raw.length() > maxBodyBytes) throw ApiException.payloadTooLarge(maxBodyBytes);
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBodyBytes) throw ApiException.payloadTooLarge(maxBodyBytes);
        return bytes;
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) return Map.of();
        Map<String, String> out = new HashMap<>(headers.size() * 2);
        headers.forEach((k, v) -> {
            if (k == null || v == null) return;
            // Two spellings of one header name (possible in a hand-built event) are joined like repeats.
            out.merge(k.toLowerCase(Locale.ROOT), v, (a, b) -> a + "," + b);
        });
        return out;
    }

    private static Map<String, String> nonNull(Map<String, String> m) {
        if (m == null || m.isEmpty()) return Map.of();
        Map<String, String> out = new HashMap<>(m.size() * 2);
        m.forEach((k, v) -> {
            if (k != null && v != null) out.put(k, v);
        });
        return out;
    }
}
