package io.edgemesh.backbone.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand, so expiry and cache lifetimes are checked without sleeping. */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    public MutableClock(Instant start) { this.now = new AtomicReference<>(start); }

    public static MutableClock atNow() { return new MutableClock(Instant.now()); }

    public void advance(Duration d) { now.updateAndGet(i -> i.plus(d)); }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override public Clock withZone(ZoneId zone) { return this; }

    @Override public Instant instant() { return now.get(); }
}
