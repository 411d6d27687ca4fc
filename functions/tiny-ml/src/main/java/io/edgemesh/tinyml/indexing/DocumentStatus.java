package io.edgemesh.tinyml.indexing;

/** The documents table as the indexer sees it: the outcome of indexing, per document. */
public interface DocumentStatus {

    /** Status {@code ready} with what indexing found; no-op when the row is gone (document deleted). */
    void markReady(String tenantId, String documentId, int chunks, int pages, String language, long indexVersion);

    /**
     * The row's {@code scanStatus} (written by the scanners next to the object tag), for S3-compatible
     * endpoints without object tagging; empty when the row or the attribute is missing.
     */
    java.util.Optional<String> scanStatus(String tenantId, String documentId);

    /** Status {@code failed} with a machine-readable reason; no-op when the row is gone. */
    void markFailed(String tenantId, String documentId, String reason, String message);
}
