package io.edgemesh.events;

import io.edgemesh.events.internal.Checks;

/**
 * Ask the indexer to (re)index an already clean document, e.g. after a chunking or model change.
 * New uploads reach the indexer as {@link DocumentClean} instead.
 *
 * @param reason why, for logs and audit (e.g. {@code reindex}, {@code model-upgrade})
 */
public record IndexRequested(String tenantId, String documentId, String bucket, String key, String contentType,
                             String reason) implements EdgeMeshEvent {
    public IndexRequested {
        Checks.tenant(tenantId);
        Checks.id("documentId", documentId);
        Checks.text("bucket", bucket);
        Checks.tenantKey(tenantId, "key", key);
        Checks.optionalText("contentType", contentType);
        Checks.optionalText("reason", reason);
    }

    @Override
    public String subjectId() { return documentId; }
}
