package io.edgemesh.tinyml.index;

import java.nio.file.Path;
import java.util.Optional;

/** Durable storage of index versions (S3 in every deployment). */
public interface IndexFiles {

    /**
     * Stores every file of {@code dir} under the version's folder, then the manifest, and returns the
     * manifest key. Files already stored for {@code previous} with the same checksum may be copied in
     * place instead of uploaded again.
     */
    String upload(String tenantId, long version, String versionId, Path dir, Optional<IndexVersion> previous);

    /** Downloads a version into {@code dir} (created) and verifies every file against the manifest. */
    void download(IndexVersion version, Path dir);

    /**
     * Deletes every stored version of the tenant except {@code keepVersionIds} (older versions and folders
     * of attempts that never committed). Best effort: callers log a failure and go on.
     */
    void retainOnly(String tenantId, java.util.Set<String> keepVersionIds);
}
