package io.edgemesh.widget.internal.ratelimit;

import java.util.OptionalLong;

/**
 * Token-bucket arithmetic in its GCRA form: a bucket is one number, the theoretical arrival time
 * (TAT) of the next request once the bucket is drained. A bucket with capacity {@code n} refilled at
 * {@code n} per minute admits a request at time {@code now} iff {@code max(tat, now) - now <=
 * tolerance}, and then moves TAT to {@code max(tat, now) + interval}. One number instead of
 * (tokens, timestamp) is what lets the DynamoDB store take a token with one conditional update that
 * adds {@code interval} atomically, so concurrent takers never overwrite each other.
 */
public final class TokenBucket {

    private TokenBucket() { }

    /** The result of one step: the new TAT when granted, or the wait when denied. */
    public record Step(boolean granted, long newTat, long retryAfterMicros) { }

    /**
     * @param tat the stored TAT in microseconds, empty for a bucket never used (full)
     */
    public static Step take(Limit limit, OptionalLong tat, long nowMicros) {
        long base = Math.max(tat.orElse(nowMicros), nowMicros);
        long ahead = base - nowMicros;
        if (ahead <= limit.toleranceMicros()) {
            return new Step(true, base + limit.intervalMicros(), 0);
        }
        return new Step(false, tat.getAsLong(), ahead - limit.toleranceMicros());
    }

    /** Tokens left at {@code now} (for headers and tests). */
    public static long remaining(Limit limit, OptionalLong tat, long nowMicros) {
        long ahead = Math.max(tat.orElse(nowMicros), nowMicros) - nowMicros;
        return Math.max(0, limit.perMinute() - (ahead + limit.intervalMicros() - 1) / limit.intervalMicros());
    }
}
