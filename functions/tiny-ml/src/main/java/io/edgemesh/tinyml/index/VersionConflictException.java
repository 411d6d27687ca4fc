package io.edgemesh.tinyml.index;

/** Another writer advanced the tenant's index first; the change must be redone on the new version. */
public final class VersionConflictException extends RuntimeException {
    public VersionConflictException(String tenantId, long expected) {
        super("index version of tenant " + tenantId + " is no longer " + expected);
    }
}
