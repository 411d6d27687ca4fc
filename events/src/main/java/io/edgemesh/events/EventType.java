package io.edgemesh.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry: every CloudEvents {@code type} EdgeMesh sends, the record it carries and the layer
 * that usually sends it. A type name ends in its version; a breaking change to a record is a new
 * constant with {@code .v2} (and a new record), never an edit of a {@code .v1} one. Each type has a
 * JSON Schema at {@code schemas/<type>.json} on the classpath (tests enforce it).
 */
public enum EventType {
    DOCUMENT_UPLOADED("io.edgemesh.document.uploaded.v1", DocumentUploaded.class, EventSources.BACKBONE),
    SCAN_REQUESTED("io.edgemesh.scan.requested.v1", ScanRequested.class, EventSources.ANALYSIS),
    SCAN_VERDICT("io.edgemesh.scan.verdict.v1", ScanVerdict.class, EventSources.ANALYSIS),
    DOCUMENT_CLEAN("io.edgemesh.document.clean.v1", DocumentClean.class, EventSources.ANALYSIS),
    DOCUMENT_QUARANTINED("io.edgemesh.document.quarantined.v1", DocumentQuarantined.class, EventSources.ANALYSIS),
    INDEX_REQUESTED("io.edgemesh.index.requested.v1", IndexRequested.class, EventSources.BACKBONE),
    DOCUMENT_INDEXED("io.edgemesh.document.indexed.v1", DocumentIndexed.class, EventSources.TINY_ML),
    DOCUMENT_DELETED("io.edgemesh.document.deleted.v1", DocumentDeleted.class, EventSources.BACKBONE),
    DOCUMENT_REMOVED("io.edgemesh.document.removed.v1", DocumentRemoved.class, EventSources.TINY_ML),
    TENANT_READY("io.edgemesh.tenant.ready.v1", TenantReady.class, EventSources.ORCHESTRATION),
    TENANT_PENDING("io.edgemesh.tenant.pending.v1", TenantPending.class, EventSources.ORCHESTRATION),
    AUDIT_EVENT("io.edgemesh.audit.event.v1", AuditEvent.class, EventSources.BACKBONE);

    private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::recordClass, Function.identity()));

    private final String type;
    private final Class<? extends EdgeMeshEvent> recordClass;
    private final String defaultSource;

    EventType(String type, Class<? extends EdgeMeshEvent> recordClass, String defaultSource) {
        this.type = type;
        this.recordClass = recordClass;
        this.defaultSource = defaultSource;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code io.edgemesh.document.clean.v1}. */
    public String type() { return type; }

    public Class<? extends EdgeMeshEvent> recordClass() { return recordClass; }

    /** The source used when a producer does not name one. */
    public String defaultSource() { return defaultSource; }

    /** Classpath location of this type's JSON Schema. */
    public String schemaResource() { return "schemas/" + type + ".json"; }

    public static Optional<EventType> fromType(String type) {
        return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
    }

    public static EventType of(Class<? extends EdgeMeshEvent> recordClass) {
        EventType t = BY_CLASS.get(recordClass);
        if (t == null) throw new IllegalArgumentException("no event type registered for " + recordClass.getName());
        return t;
    }
}
