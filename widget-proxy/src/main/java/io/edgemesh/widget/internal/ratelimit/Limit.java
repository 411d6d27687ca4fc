package io.edgemesh.widget.internal.ratelimit;

/**
 * One token bucket: {@code perMinute} tokens of capacity, refilled continuously at
 * {@code perMinute} tokens per minute.
 *
 * @param bucketKey {@code <tenant>#<scope>#<subject>}, so every bucket belongs to one tenant
 * @param perMinute capacity and refill per minute, at least 1
 */
public record Limit(String bucketKey, int perMinute) {

    public Limit {
        if (bucketKey == null || bucketKey.isBlank()) throw new IllegalArgumentException("bucketKey is required");
        if (perMinute < 1) throw new IllegalArgumentException("perMinute must be at least 1: " + perMinute);
    }

    public static Limit of(String tenantId, String scope, String subject, int perMinute) {
        return new Limit(tenantId + "#" + scope + "#" + subject, perMinute);
    }

    /** Microseconds between two tokens. */
    public long intervalMicros() { return 60_000_000L / perMinute; }

    /** How far ahead of now the theoretical arrival time may run: a full bucket minus one token. */
    public long toleranceMicros() { return intervalMicros() * (perMinute - 1); }
}
