package io.edgemesh.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One valid record per registered type, with fixed values (the committed v1 samples hold the same). */
final class SampleEvents {
    private SampleEvents() { }

    static final Instant T = Instant.parse("2026-11-22T10:15:30.123Z");
    static final String KEY = "tenants/acme/incoming/doc-1";

    static EdgeMeshEvent of(EventType type) {
        return switch (type) {
            case DOCUMENT_UPLOADED -> new DocumentUploaded("acme", "doc-1", "edgemesh-uploads", KEY, "handbook.pdf",
                    "application/pdf", 48_213, T);
            case SCAN_REQUESTED -> new ScanRequested("acme", "doc-1", "scan-signatures", "edgemesh-uploads", KEY);
            case SCAN_VERDICT -> new ScanVerdict("acme", "doc-1", "scan-signatures", ScanVerdict.Verdict.INFECTED,
                    List.of("eicar"), T);
            case DOCUMENT_CLEAN -> new DocumentClean("acme", "doc-1", "edgemesh-uploads", KEY, "handbook.pdf",
                    "application/pdf", 48_213, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
            case DOCUMENT_QUARANTINED -> new DocumentQuarantined("acme", "doc-1", "edgemesh-uploads",
                    "tenants/acme/quarantine/doc-1", List.of("scan-signatures"), List.of("eicar"));
            case INDEX_REQUESTED -> new IndexRequested("acme", "doc-1", "edgemesh-uploads", KEY, "application/pdf", "reindex");
            case DOCUMENT_INDEXED -> new DocumentIndexed("acme", "doc-1", 7, 31, T);
            case DOCUMENT_DELETED -> new DocumentDeleted("acme", "doc-1", "sk_live_1");
            case DOCUMENT_REMOVED -> new DocumentRemoved("acme", "doc-1", 8);
            case TENANT_READY -> new TenantReady("acme", 1, 7);
            case TENANT_PENDING -> new TenantPending("acme", "last_document_removed");
            case AUDIT_EVENT -> new AuditEvent("acme", "aud-0001", "document.quarantined", "scan-signatures", "doc-1",
                    "blocked", T, Map.of("reason", "eicar"));
        };
    }

    /** The fixed id every sample uses, so a regenerated sample differs only if the contract did. */
    static String sampleId(EventType type) {
        return "00000000-0000-4000-8000-" + String.format("%012d", type.ordinal() + 1);
    }
}
