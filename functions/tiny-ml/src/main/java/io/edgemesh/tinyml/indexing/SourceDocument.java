package io.edgemesh.tinyml.indexing;

/**
 * Where a document to index is, as the event named it.
 *
 * @param sha256 the digest the scanners saw, or null when the event did not carry one
 */
public record SourceDocument(String tenantId, String documentId, String bucket, String key, String filename, String sha256) { }
