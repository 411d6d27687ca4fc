package io.edgemesh.backbone.support;

import io.edgemesh.backbone.audit.AuditPublisher;
import io.edgemesh.events.AuditEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps published audit events in memory, for domain tests that check what was audited. */
public final class RecordingAuditPublisher implements AuditPublisher {
    public final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(AuditEvent event) { events.add(event); }
}
