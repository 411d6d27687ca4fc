package io.edgemesh.common;

import java.util.Map;

/**
 * The one error model: an HTTP status, a machine-readable {@code code} and a human message,
 * rendered as {@code {"error":{"code","message",...details}}}. Domain code throws it; handlers map
 * it; nothing else becomes a 4xx.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, Object> details;

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public ApiException(int status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public int status() { return status; }

    public String code() { return code; }

    /** Extra machine-readable fields next to code and message (for example {@code categories}, {@code retryAfterSeconds}). */
    public Map<String, Object> details() { return details; }

    public static ApiException invalid(String message) { return new ApiException(400, ErrorCodes.INVALID_REQUEST, message); }

    public static ApiException unauthorized(String message) { return new ApiException(401, ErrorCodes.UNAUTHORIZED, message); }

    public static ApiException forbidden(String code, String message) { return new ApiException(403, code, message); }

    public static ApiException notFound(String message) { return new ApiException(404, ErrorCodes.NOT_FOUND, message); }

    public static ApiException conflict(String code, String message) { return new ApiException(409, code, message); }

    public static ApiException payloadTooLarge(long limitBytes) {
        return new ApiException(413, ErrorCodes.PAYLOAD_TOO_LARGE, "the request body is larger than " + limitBytes + " bytes",
                Map.of("limitBytes", limitBytes));
    }

    /** 429; the HTTP helpers turn {@code retryAfterSeconds} into a {@code Retry-After} header. */
    public static ApiException rateLimited(long retryAfterSeconds) {
        return new ApiException(429, ErrorCodes.RATE_LIMITED, "too many requests; retry after " + retryAfterSeconds + " s",
                Map.of("retryAfterSeconds", Math.max(1, retryAfterSeconds)));
    }

    /** The last-resort 500: says nothing about the cause, which goes to the log only. */
    public static ApiException internal() {
        return new ApiException(500, ErrorCodes.INTERNAL, "an internal error occurred");
    }
}
