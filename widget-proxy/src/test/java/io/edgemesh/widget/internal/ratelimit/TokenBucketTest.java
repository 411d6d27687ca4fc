package io.edgemesh.widget.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The GCRA arithmetic: capacity n, refill n per minute. */
class TokenBucketTest {

    private static final long SECOND = 1_000_000L;
    private final Limit sixty = Limit.of("shop", "tenant", "all", 60);

    /** Takes tokens at one instant until refused; returns how many were granted. */
    private static int burst(Limit l, long now, OptionalLong[] tat) {
        int granted = 0;
        while (true) {
            TokenBucket.Step s = TokenBucket.take(l, tat[0], now);
            if (!s.granted()) return granted;
            tat[0] = OptionalLong.of(s.newTat());
            granted++;
        }
    }

    @Test
    void fullBucketGrantsExactlyItsCapacityAtOnce() {
        OptionalLong[] tat = {OptionalLong.empty()};
        assertThat(burst(sixty, 0, tat)).isEqualTo(60);
    }

    @Test
    void refusalSaysHowLongUntilTheNextToken() {
        OptionalLong[] tat = {OptionalLong.empty()};
        burst(sixty, 0, tat);
        TokenBucket.Step s = TokenBucket.take(sixty, tat[0], 0);
        assertThat(s.granted()).isFalse();
        assertThat(s.retryAfterMicros()).isEqualTo(SECOND);
        assertThat(Decision.deny("k", s.retryAfterMicros()).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void tokensComeBackAtTheRefillRate() {
        OptionalLong[] tat = {OptionalLong.empty()};
        burst(sixty, 0, tat);
        // GIVEN an empty bucket WHEN 10.5 s pass THEN 10 tokens are back, not 11
        assertThat(burst(sixty, 10 * SECOND + SECOND / 2, tat)).isEqualTo(10);
    }

    @Test
    void anIdleBucketRefillsOnlyToItsCapacity() {
        OptionalLong[] tat = {OptionalLong.empty()};
        burst(sixty, 0, tat);
        assertThat(burst(sixty, 3600 * SECOND, tat)).isEqualTo(60);
    }

    @Test
    void steadyTrafficAtTheRateIsNeverRefused() {
        OptionalLong[] tat = {OptionalLong.empty()};
        for (int i = 0; i < 500; i++) {
            TokenBucket.Step s = TokenBucket.take(sixty, tat[0], i * SECOND);
            assertThat(s.granted()).isTrue();
            tat[0] = OptionalLong.of(s.newTat());
        }
    }

    @Test
    void aBucketOfOneAllowsOnePerMinute() {
        Limit one = Limit.of("shop", "session", "s1", 1);
        OptionalLong[] tat = {OptionalLong.empty()};
        assertThat(burst(one, 0, tat)).isEqualTo(1);
        assertThat(TokenBucket.take(one, tat[0], 59 * SECOND).granted()).isFalse();
        assertThat(TokenBucket.take(one, tat[0], 60 * SECOND).granted()).isTrue();
    }

    @Test
    void remainingCountsWholeTokens() {
        assertThat(TokenBucket.remaining(sixty, OptionalLong.empty(), 0)).isEqualTo(60);
        assertThat(TokenBucket.remaining(sixty, OptionalLong.of(30 * SECOND), 0)).isEqualTo(30);
        assertThat(TokenBucket.remaining(sixty, OptionalLong.of(30 * SECOND + 1), 0)).isEqualTo(29);
    }

    @Test
    void bucketKeyStartsWithTheTenant() {
        assertThat(Limit.of("shop", "ip", "203.0.113.7", 120).bucketKey()).isEqualTo("shop#ip#203.0.113.7");
    }
}
