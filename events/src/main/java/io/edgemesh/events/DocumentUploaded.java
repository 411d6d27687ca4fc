package io.edgemesh.events;

import io.edgemesh.events.internal.Checks;
import java.time.Instant;

/**
 * A tenant's upload landed in the uploads bucket under {@code tenants/{tenant}/incoming/}. Emitted by
 * the backbone once the presigned PUT is confirmed; the scanners themselves are fed by the S3
 * notification, so this event is for audit and status, not for triggering scans.
 *
 * @param key         object key, always under {@code tenants/<tenantId>/}
 * @param fileName    the name the tenant gave, for display only (never used in a key)
 * @param contentType declared content type (the type scanner checks the real one)
 */
public record DocumentUploaded(String tenantId, String documentId, String bucket, String key, String fileName,
                               String contentType, long sizeBytes, Instant uploadedAt) implements EdgeMeshEvent {
    public DocumentUploaded {
        Checks.tenant(tenantId);
        Checks.id("documentId", documentId);
        Checks.text("bucket", bucket);
        Checks.tenantKey(tenantId, "key", key);
        Checks.optionalText("fileName", fileName);
        Checks.optionalText("contentType", contentType);
        Checks.nonNegative("sizeBytes", sizeBytes);
        Checks.required("uploadedAt", uploadedAt);
    }

    @Override
    public String subjectId() { return documentId; }
}
