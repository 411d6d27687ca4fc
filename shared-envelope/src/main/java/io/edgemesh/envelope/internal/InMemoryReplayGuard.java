package io.edgemesh.envelope.internal;

import io.edgemesh.envelope.ReplayGuard;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A replay guard in one JVM's memory, with the same retention rule as the DynamoDB one. */
public final class InMemoryReplayGuard implements ReplayGuard {
    private final Clock clock;
    private final ConcurrentHashMap<String, Long> retainUntil = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();

    public InMemoryReplayGuard(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean firstSeen(String tenantId, String requestId, long envelopeExpiresAt) {
        long now = clock.instant().getEpochSecond();
        long until = envelopeExpiresAt + RETENTION_BEYOND_EXPIRY_SECONDS;
        boolean[] fresh = {false};
        retainUntil.compute(ReplayGuard.nonceKey(tenantId, requestId), (k, old) -> {
            if (old == null || old < now) {
                fresh[0] = true;
                return until;
            }
            return old;
        });
        if (writes.incrementAndGet() % 1024 == 0) retainUntil.values().removeIf(t -> t < now);
        return fresh[0];
    }

    /** How many nonces are held (for tests). */
    public int size() { return retainUntil.size(); }
}
