package io.edgemesh.firewall;

import io.edgemesh.events.AuditEvent;

/** Where blocks and quarantines are recorded (the audit FIFO queue in production). */
public interface AuditSink {
    /** Records the event; throws when it could not be recorded, so the caller can fail rather than lose it. */
    void record(AuditEvent event);
}
