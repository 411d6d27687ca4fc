package io.edgemesh.tinyml.index;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A committed index version of a tenant.
 *
 * @param version     1, 2, 3... advanced by one per change; the conditional write compares it
 * @param versionId   the S3 folder of this version's files: the number plus a writer nonce, so a writer
 *                    that lost the race (or crashed and was retried) never overwrites committed files
 * @param manifestKey S3 key of the manifest (written after every file of the version)
 * @param documents   the documents in this version
 */
public record IndexVersion(String tenantId, long version, String versionId, String manifestKey, Instant updatedAt,
                           List<IndexedDocument> documents) {
    public IndexVersion {
        documents = List.copyOf(documents);
    }

    public boolean contains(String documentId) {
        return find(documentId).isPresent();
    }

    public Optional<IndexedDocument> find(String documentId) {
        return documents.stream().filter(d -> d.documentId().equals(documentId)).findFirst();
    }
}
