package io.edgemesh.envelope.internal;

import io.edgemesh.envelope.KeyRing;
import io.edgemesh.envelope.KeySource;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The key ring from a Secrets Manager secret {@code {"primary":"kid","keys":{"kid":"base64"}}}.
 * Read on first use, then again once the refresh interval has passed. A failed refresh keeps the
 * last good ring (an outage of Secrets Manager must not stop every call) and is retried no more than
 * once per {@link #MIN_RETRY}; the same limit applies to refreshes forced by unknown key ids.
 */
public final class SecretsManagerKeySource implements KeySource {
    /** At most one read per this interval beyond the schedule, whatever callers ask. */
    public static final Duration MIN_RETRY = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(SecretsManagerKeySource.class.getName());

    private final Supplier<String> fetch;
    private final String secretId;
    private final long refreshMillis;
    private final Clock clock;
    private volatile State state;

    private record State(KeyRing ring, long loadedAt, long lastAttemptAt) { }

    public SecretsManagerKeySource(SecretsManagerClient client, String secretId, Duration refreshInterval, Clock clock) {
        this(() -> client.getSecretValue(b -> b.secretId(secretId)).secretString(), secretId, refreshInterval, clock);
    }

    /** @param fetch reads the secret string; separated from the client so the caching rules are testable */
    public SecretsManagerKeySource(Supplier<String> fetch, String secretId, Duration refreshInterval, Clock clock) {
        this.fetch = fetch;
        this.secretId = secretId;
        this.refreshMillis = refreshInterval.toMillis();
        this.clock = clock;
    }

    @Override
    public KeyRing current() {
        State s = state;
        long now = clock.millis();
        if (s == null) return load(null, now);
        if (now - s.loadedAt >= refreshMillis && now - s.lastAttemptAt >= MIN_RETRY.toMillis()) return load(s, now);
        return s.ring;
    }

    @Override
    public KeyRing refreshed() {
        State s = state;
        long now = clock.millis();
        if (s == null || now - s.lastAttemptAt >= MIN_RETRY.toMillis()) return load(s, now);
        return s.ring;
    }

    private synchronized KeyRing load(State seen, long now) {
        State s = state;
        if (s != seen) return s.ring; // another thread loaded while we waited
        try {
            String secret = fetch.get();
            KeyRing ring = parse(secret);
            KeyRing keep = s != null && s.ring.equals(ring) ? s.ring : ring; // same instance keeps compiled MACs
            state = new State(keep, now, now);
            return keep;
        } catch (RuntimeException e) {
            if (s == null) throw new IllegalStateException("cannot load the envelope key ring from " + secretId, e);
            LOG.log(Level.WARNING, "envelope key ring refresh from " + secretId + " failed, keeping the previous ring: " + e);
            state = new State(s.ring, s.loadedAt, now);
            return s.ring;
        }
    }

    /** Parses the secret; errors name the problem, never the key bytes. */
    public static KeyRing parse(String secret) {
        if (secret == null) throw new IllegalArgumentException("the envelope key secret has no string value");
        JsonNode root;
        try {
            root = JsonNode.parser().parse(secret);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the envelope key secret is not JSON");
        }
        if (!root.isObject()) throw new IllegalArgumentException("the envelope key secret is not a JSON object");
        JsonNode primary = root.field("primary").orElse(null);
        JsonNode keys = root.field("keys").orElse(null);
        if (primary == null || !primary.isString()) throw new IllegalArgumentException("the envelope key secret has no \"primary\" string");
        if (keys == null || !keys.isObject()) throw new IllegalArgumentException("the envelope key secret has no \"keys\" object");
        Map<String, byte[]> ring = new LinkedHashMap<>();
        int index = 0;
        for (var e : keys.asObject().entrySet()) {
            index++;
            if (!e.getValue().isString()) throw new IllegalArgumentException("envelope key " + e.getKey() + " is not a string");
            ring.put(e.getKey(), EnvKeySource.decode(e.getValue().asString(), index));
        }
        return KeyRing.of(primary.asString(), ring);
    }
}
