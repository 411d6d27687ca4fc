/**
 * Per-session anomaly scoring: bursts of messages within seconds and repeated blocks put a session in
 * quarantine for a while, during which every message is blocked with {@code anomaly.quarantined}. The
 * state lives in the sessions table under {@code firewall#<sessionId>} and is changed only by atomic,
 * conditional updates, so concurrent invocations for one session count exactly.
 */
package io.edgemesh.firewall.anomaly;
