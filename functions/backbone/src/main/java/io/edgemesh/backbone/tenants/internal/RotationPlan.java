package io.edgemesh.backbone.tenants.internal;

import io.edgemesh.backbone.tenants.SecretKeyInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rotation does to the existing secret keys, decided without touching storage: each key still
 * valid is cut to expire at {@code now + overlap} (whole seconds), unless it already expires sooner;
 * keys already expired are deleted. {@code previousKeyExpiresAt} is the latest expiry among the kept
 * keys, i.e. how long the old credentials keep working.
 *
 * @param newExpiries   key id → new expiry, only for keys whose expiry changes
 * @param deletions     ids of expired keys
 * @param stillValid    how many existing keys remain valid until their (new) expiry
 */
public record RotationPlan(Map<String, Instant> newExpiries, List<String> deletions, int stillValid,
                           Instant previousKeyExpiresAt) {

    public static RotationPlan of(List<SecretKeyInfo> keys, Instant now, Duration overlap) {
        Instant cutoff = now.plus(overlap).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Instant> changes = new LinkedHashMap<>();
        List<String> deletions = new ArrayList<>();
        Instant latest = null;
        int valid = 0;
        for (SecretKeyInfo k : keys) {
            if (!k.activeAt(now)) {
                deletions.add(k.keyId());
                continue;
            }
            Instant expiry = k.expiresAt() != null && k.expiresAt().isBefore(cutoff) ? k.expiresAt() : cutoff;
            if (!expiry.equals(k.expiresAt())) changes.put(k.keyId(), expiry);
            if (expiry.isAfter(now)) valid++;
            if (latest == null || expiry.isAfter(latest)) latest = expiry;
        }
        return new RotationPlan(Map.copyOf(changes), List.copyOf(deletions), valid, latest);
    }
}
