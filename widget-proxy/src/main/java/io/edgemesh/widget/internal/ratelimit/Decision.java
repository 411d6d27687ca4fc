package io.edgemesh.widget.internal.ratelimit;

/**
 * The outcome of taking one token.
 *
 * @param granted           whether the token was taken
 * @param retryAfterSeconds when denied, the whole seconds until a token is available (at least 1)
 * @param bucketKey         when denied, the bucket that was empty
 */
public record Decision(boolean granted, long retryAfterSeconds, String bucketKey) {

    public static Decision grant() { return new Decision(true, 0, null); }

    public static Decision deny(String bucketKey, long retryAfterMicros) {
        return new Decision(false, Math.max(1, (retryAfterMicros + 999_999) / 1_000_000), bucketKey);
    }
}
