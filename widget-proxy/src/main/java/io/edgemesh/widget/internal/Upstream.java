package io.edgemesh.widget.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.ErrorCodes;
import io.edgemesh.common.Json;
import io.edgemesh.common.invoke.InvocationResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns another layer's result into what a public caller may see. A 4xx is the target's decision
 * about the request and passes through with its code, message and details; a 5xx is our failure
 * and becomes 502 {@code upstream_unavailable} without the target's internals.
 */
public final class Upstream {

    private Upstream() { }

    /** The response for a forwarded route. */
    public static HttpResponse toResponse(String function, InvocationResult r) {
        if (r.ok()) {
            HttpResponse resp = HttpResponse.json(r.status(), r.body() == null ? Json.MAPPER.createObjectNode() : r.body());
            return r.headers() == null ? resp : resp.withHeaders(r.headers());
        }
        return HttpResponse.error(toException(function, r));
    }

    /** The exception for a failed result (a {@code 4xx} as is, a {@code 5xx} as 502). */
    public static ApiException toException(String function, InvocationResult r) {
        if (r.status() >= 400 && r.status() < 500) {
            JsonNode err = r.body() == null ? Json.MAPPER.createObjectNode() : r.body();
            if (err.has("error") && err.get("error").isObject()) err = err.get("error");
            String code = err.path("code").asText(ErrorCodes.INVALID_REQUEST);
            String message = err.path("message").asText("request refused by the " + function + " layer");
            Map<String, Object> details = new LinkedHashMap<>();
            err.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("code") && !f.getKey().equals("message")) {
                    details.put(f.getKey(), Json.MAPPER.convertValue(f.getValue(), Object.class));
                }
            });
            if (!details.containsKey("retryAfterSeconds") && r.headers() != null) {
                String ra = r.headers().get("Retry-After");
                if (ra != null && ra.matches("\\d{1,6}")) details.put("retryAfterSeconds", Long.parseLong(ra));
            }
            return new ApiException(r.status(), code, message, details);
        }
        return new ApiException(502, ErrorCodes.UPSTREAM_UNAVAILABLE,
                "the " + function + " layer could not answer (status " + r.status() + "); try again");
    }
}
