package io.edgemesh.firewall.anomaly;

import java.time.Instant;

/** The per-session counters behind anomaly scoring; implementations must be exact under concurrency. */
public interface SessionAnomalies {
    /** Counts one message of the session and returns the burst count and any quarantine. */
    SessionStatus recordMessage(String tenantId, String sessionId, Instant now);

    /**
     * Counts one blocked message; when the policy's number of blocks falls within its window, puts the
     * session in quarantine and returns the new end.
     */
    SessionStatus recordBlock(String tenantId, String sessionId, Instant now);
}
