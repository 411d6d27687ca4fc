package io.edgemesh.tinyml.index;

import java.util.Optional;

/** Where each tenant's current index version is recorded. */
public interface VersionStore {

    /** The tenant's current version, or empty when it never had an index. Strongly consistent. */
    Optional<IndexVersion> current(String tenantId);

    /**
     * Makes {@code next} current if the current version is still {@code expectedVersion} (0: none yet).
     *
     * @throws VersionConflictException when another writer got there first
     */
    void advance(long expectedVersion, IndexVersion next);
}
