package io.edgemesh.llm.router;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Stops calling a provider that keeps failing: after {@code threshold} consecutive failures it opens
 * for {@code openMs}, then lets one trial call through (half-open); a success closes it, a failure
 * opens it again. Lock-free, one per provider per JVM (warm Lambda environments keep it).
 */
public final class CircuitBreaker {
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openMs;
    private final LongSupplier clockMs;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong openedAt = new AtomicLong(-1);
    private final AtomicLong trialAt = new AtomicLong(-1);

    public CircuitBreaker(int threshold, long openMs, LongSupplier clockMs) {
        this.threshold = threshold;
        this.openMs = openMs;
        this.clockMs = clockMs;
    }

    public State state() {
        long opened = openedAt.get();
        if (opened < 0) return State.CLOSED;
        return clockMs.getAsLong() - opened >= openMs ? State.HALF_OPEN : State.OPEN;
    }

    /** True when a call may go through now; in half-open state only one caller gets the trial. */
    public boolean allow() {
        State s = state();
        if (s == State.CLOSED) return true;
        if (s == State.OPEN) return false;
        long now = clockMs.getAsLong();
        long prev = trialAt.get();
        // one trial per open window
        return (prev < openedAt.get() || now - prev >= openMs) && trialAt.compareAndSet(prev, now);
    }

    public void success() {
        failures.set(0);
        openedAt.set(-1);
    }

    public void failure() {
        if (state() == State.HALF_OPEN || failures.incrementAndGet() >= threshold) {
            openedAt.set(clockMs.getAsLong());
            failures.set(0);
        }
    }
}
