package io.edgemesh.analysis.scan;

import java.io.IOException;
import java.util.Objects;

/**
 * What a scanner looks at. {@code declaredSize} is what the tenant announced when it asked for the
 * upload URL (-1 when unknown); {@code objectSize} is what storage reports for the object.
 */
public record ScanInput(String tenantId, String documentId, String declaredContentType, long declaredSize,
                        long objectSize, ContentSource content, ScannerPolicy policy) {
    public ScanInput {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(policy, "policy");
        declaredContentType = declaredContentType == null ? "" : declaredContentType;
    }

    /** An in-memory input whose declared size matches its bytes (tests, benchmarks, tools). */
    public static ScanInput of(String tenantId, String documentId, String contentType, byte[] bytes, ScannerPolicy policy) {
        return new ScanInput(tenantId, documentId, contentType, bytes.length, bytes.length, ContentSource.of(bytes), policy);
    }

    /** The bytes, never more than the policy's size limit. */
    public byte[] bytes() throws IOException {
        return content.read(policy.maxBytes());
    }

    public boolean declaredPdf() {
        return ScannerPolicy.PDF.equals(ScannerPolicy.normaliseType(declaredContentType));
    }

    /** Whether the object is too large to read at all under this tenant's policy. */
    public boolean oversized() {
        return objectSize > policy.maxBytes();
    }
}
