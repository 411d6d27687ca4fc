package io.edgemesh.widget.internal.chat;

/**
 * Per-visitor limits next to the tenant's own {@code requestsPerMinute}: messages per minute per
 * session and per client address.
 */
public record RateLimitSettings(int perSessionPerMinute, int perClientIpPerMinute) {

    public static final RateLimitSettings DEFAULTS = new RateLimitSettings(60, 120);

    public RateLimitSettings {
        if (perSessionPerMinute < 1 || perClientIpPerMinute < 1) throw new IllegalArgumentException("limits must be >= 1");
    }
}
