package io.edgemesh.events;

import io.edgemesh.events.internal.Checks;
import java.util.List;

/**
 * At least one scanner rejected the document; it was moved under {@code tenants/{tenant}/quarantine/}
 * and will never be indexed.
 *
 * @param scanners the scanners that rejected it
 * @param reasons  their findings, machine-readable
 */
public record DocumentQuarantined(String tenantId, String documentId, String bucket, String quarantineKey,
                                  List<String> scanners, List<String> reasons) implements EdgeMeshEvent {
    public DocumentQuarantined {
        Checks.tenant(tenantId);
        Checks.id("documentId", documentId);
        Checks.text("bucket", bucket);
        Checks.tenantKey(tenantId, "quarantineKey", quarantineKey);
        scanners = Checks.texts("scanners", scanners);
        reasons = Checks.texts("reasons", reasons);
    }

    @Override
    public String subjectId() { return documentId; }
}
