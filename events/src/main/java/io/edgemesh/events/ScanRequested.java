package io.edgemesh.events;

import io.edgemesh.events.internal.Checks;

/**
 * Ask one scanner to (re)scan a stored document, for example after a scanner failed transiently or
 * a new signature set arrived. The first scan of an upload comes from the S3 notification instead.
 *
 * @param scanner logical scanner name, e.g. {@code scan-type}
 */
public record ScanRequested(String tenantId, String documentId, String scanner, String bucket, String key)
        implements EdgeMeshEvent {
    public ScanRequested {
        Checks.tenant(tenantId);
        Checks.id("documentId", documentId);
        Checks.id("scanner", scanner);
        Checks.text("bucket", bucket);
        Checks.tenantKey(tenantId, "key", key);
    }

    @Override
    public String subjectId() { return documentId; }
}
