package io.edgemesh.firewall.anomaly;

import java.time.Duration;

/**
 * When a session is anomalous. Defaults: more than 6 messages in one 10-second window is a burst (a
 * person waiting for answers does not type that fast; the Layer 1 rate limit is per minute); 3 blocks
 * within 10 minutes quarantine the session for 15 minutes; the state expires a day after the last
 * message.
 */
public record AnomalyPolicy(int burstMessages, Duration burstWindow, int blocksToQuarantine, Duration blockWindow,
                            Duration quarantine, Duration stateTtl) {
    public static final AnomalyPolicy DEFAULT = new AnomalyPolicy(6, Duration.ofSeconds(10), 3, Duration.ofMinutes(10),
            Duration.ofMinutes(15), Duration.ofHours(24));

    public AnomalyPolicy {
        if (burstMessages < 1 || blocksToQuarantine < 1) throw new IllegalArgumentException("limits must be positive");
        if (burstWindow.toSeconds() < 1 || blockWindow.toSeconds() < 1 || quarantine.isNegative()) {
            throw new IllegalArgumentException("windows must be at least a second");
        }
    }
}
