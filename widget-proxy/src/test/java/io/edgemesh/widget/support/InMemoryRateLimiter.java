package io.edgemesh.widget.support;

import io.edgemesh.widget.internal.ratelimit.Decision;
import io.edgemesh.widget.internal.ratelimit.Limit;
import io.edgemesh.widget.internal.ratelimit.RateLimiter;
import io.edgemesh.widget.internal.ratelimit.TokenBucket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The token-bucket arithmetic over a map, for unit tests of the chat path (DynamoDB is in the IT). */
public final class InMemoryRateLimiter implements RateLimiter {

    private final Map<String, Long> tats = new HashMap<>();
    private final Clock clock;

    public InMemoryRateLimiter(Clock clock) { this.clock = clock; }

    @Override
    public synchronized Decision acquire(List<Limit> limits) {
        long now = clock.instant().toEpochMilli() * 1000;
        List<Limit> taken = new ArrayList<>();
        for (Limit l : limits) {
            Long tat = tats.get(l.bucketKey());
            TokenBucket.Step s = TokenBucket.take(l, tat == null ? OptionalLong.empty() : OptionalLong.of(tat), now);
            if (!s.granted()) {
                taken.forEach(t -> tats.computeIfPresent(t.bucketKey(), (k, v) -> v - t.intervalMicros()));
                return Decision.deny(l.bucketKey(), s.retryAfterMicros());
            }
            tats.put(l.bucketKey(), s.newTat());
            taken.add(l);
        }
        return Decision.grant();
    }
}
