package io.edgemesh.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A message that crosses a queue. Every one belongs to exactly one tenant, which is also the FIFO
 * message group and the first segment of the CloudEvents {@code subject}, so a consumer can route,
 * partition and log without binding the data first.
 */
public sealed interface EdgeMeshEvent permits DocumentUploaded, ScanRequested, ScanVerdict, DocumentClean,
        DocumentQuarantined, IndexRequested, DocumentIndexed, DocumentDeleted, DocumentRemoved, TenantReady,
        TenantPending, AuditEvent {

    String tenantId();

    /**
     * What the event is about inside the tenant (usually the document id), or null when it is about
     * the tenant itself. The CloudEvents subject is {@code <tenant>/<subjectId>} or just {@code <tenant>}.
     */
    @JsonIgnore
    String subjectId();

    /** {@code <tenant>/<subjectId>}, or {@code <tenant>} when there is no subject id. */
    @JsonIgnore
    default String subject() {
        String s = subjectId();
        return s == null ? tenantId() : tenantId() + "/" + s;
    }

    @JsonIgnore
    default EventType eventType() {
        return EventType.of(getClass());
    }
}
