package io.edgemesh.common.invoke;

import java.util.Map;

/**
 * What an {@link EnvelopeHandler} subclass returns when 200 is not the right status (201 after a
 * create, 202 for accepted work) or when it must pass response headers through the ingress.
 * Returning any other object means 200 with that object as the body.
 *
 * @param status  2xx status (errors are thrown as {@link io.edgemesh.common.ApiException})
 * @param body    any Jackson-serialisable value, or null
 * @param headers response headers for the public caller, e.g. {@code location}; never null
 */
public record Response(int status, Object body, Map<String, String> headers) {
    public Response {
        if (status < 200 || status > 299) throw new IllegalArgumentException("Response is for 2xx statuses; throw ApiException for errors");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static Response of(int status, Object body) { return new Response(status, body, Map.of()); }

    public static Response created(Object body) { return of(201, body); }

    public static Response accepted(Object body) { return of(202, body); }
}
