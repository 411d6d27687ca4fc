package io.edgemesh.events;

import io.edgemesh.events.internal.Checks;
import java.time.Instant;
import java.util.List;

/**
 * One scanner's decision on one document. Verdicts are aggregated per document; the document is
 * clean only when every scanner said {@link Verdict#CLEAN}.
 *
 * @param reasons machine-readable findings, e.g. {@code eicar}, {@code pdf.javascript}; empty when clean
 */
public record ScanVerdict(String tenantId, String documentId, String scanner, Verdict verdict, List<String> reasons,
                          Instant scannedAt) implements EdgeMeshEvent {

    /** The values match the {@code scan-status} object tag. */
    public enum Verdict { CLEAN, INFECTED, ERROR }

    public ScanVerdict {
        Checks.tenant(tenantId);
        Checks.id("documentId", documentId);
        Checks.id("scanner", scanner);
        Checks.required("verdict", verdict);
        reasons = Checks.texts("reasons", reasons);
        Checks.required("scannedAt", scannedAt);
    }

    @Override
    public String subjectId() { return documentId; }
}
