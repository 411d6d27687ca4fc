package io.edgemesh.common;

/** Machine-readable error codes shared by every layer. Add new ones here, never inline. */
public final class ErrorCodes {
    private ErrorCodes() { }

    public static final String INVALID_REQUEST = "invalid_request";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String ORIGIN_NOT_ALLOWED = "origin_not_allowed";
    public static final String PROMPT_BLOCKED = "prompt_blocked";
    public static final String TENANT_NOT_READY = "tenant_not_ready";
    public static final String TENANT_SUSPENDED = "tenant_suspended";
    public static final String RATE_LIMITED = "rate_limited";
    public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String NOT_FOUND = "not_found";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String CONFLICT = "conflict";
    public static final String BUDGET_EXCEEDED = "budget_exceeded";
    public static final String TYPE_NOT_ALLOWED = "type_not_allowed";
    public static final String UPSTREAM_UNAVAILABLE = "upstream_unavailable";
    public static final String INTERNAL = "internal_error";
    /** Envelope verification failures between layers (never shown to a visitor in detail). */
    public static final String ENVELOPE_REJECTED = "envelope_rejected";
}
