package io.edgemesh.backbone.tenants.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded map whose entries live for a fixed time. Key resolution runs on every chat request, so
 * a warm function answers from memory; the short lifetime bounds how long a suspension, origin
 * change or expired key takes to reach every running instance. When full it is simply cleared:
 * a flood of distinct (usually invalid) keys then costs reads, which Layer 1's rate limits bound,
 * and memory stays fixed.
 */
public final class ExpiringCache<K, V> {
    private record Entry<V>(V value, long expiresAtMillis) { }

    private final ConcurrentHashMap<K, Entry<V>> map = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long ttlMillis;
    private final int maxEntries;

    public ExpiringCache(Clock clock, Duration ttl, int maxEntries) {
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
    }

    public V get(K key, Function<K, V> loader) {
        if (ttlMillis <= 0) return loader.apply(key);
        long now = clock.millis();
        Entry<V> e = map.get(key);
        if (e != null && now < e.expiresAtMillis()) return e.value();
        V v = loader.apply(key);
        if (map.size() >= maxEntries) map.clear();
        map.put(key, new Entry<>(v, now + ttlMillis));
        return v;
    }

    public void removeIf(java.util.function.Predicate<V> test) {
        map.entrySet().removeIf(en -> test.test(en.getValue().value()));
    }

    public void clear() { map.clear(); }

    public int size() { return map.size(); }
}
