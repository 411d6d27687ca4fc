package io.edgemesh.backbone.audit;

import io.edgemesh.events.AuditEvent;

/** Sends audit events towards the tenant's chain. */
public interface AuditPublisher {

    /**
     * Publishes the event. Implementations must not lose it silently: a failure either throws or is
     * logged with the whole event so it can be replayed.
     */
    void publish(AuditEvent event);
}
