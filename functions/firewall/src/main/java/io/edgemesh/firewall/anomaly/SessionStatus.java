package io.edgemesh.firewall.anomaly;

import java.time.Instant;

/**
 * A session's counters after an update.
 *
 * @param messagesInWindow messages in the current burst window, this one included
 * @param recentBlocks     blocks within the policy's block window, this one included (0 after a message)
 * @param quarantinedUntil end of the quarantine, or null
 */
public record SessionStatus(int messagesInWindow, int recentBlocks, Instant quarantinedUntil) {
    public boolean quarantinedAt(Instant now) {
        return quarantinedUntil != null && quarantinedUntil.isAfter(now);
    }
}
