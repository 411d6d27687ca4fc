package io.edgemesh.events;

import io.edgemesh.events.internal.Checks;

/**
 * Every scanner passed the document: it may be indexed. Sent to the FIFO index queue (group = tenant).
 *
 * @param sha256 hex digest of the scanned bytes, so the indexer can refuse an object swapped after scanning
 */
public record DocumentClean(String tenantId, String documentId, String bucket, String key, String fileName,
                            String contentType, long sizeBytes, String sha256) implements EdgeMeshEvent {
    public DocumentClean {
        Checks.tenant(tenantId);
        Checks.id("documentId", documentId);
        Checks.text("bucket", bucket);
        Checks.tenantKey(tenantId, "key", key);
        Checks.optionalText("fileName", fileName);
        Checks.optionalText("contentType", contentType);
        Checks.nonNegative("sizeBytes", sizeBytes);
        if (sha256 != null && !sha256.matches("^[0-9a-f]{64}$")) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits");
        }
    }

    @Override
    public String subjectId() { return documentId; }
}
