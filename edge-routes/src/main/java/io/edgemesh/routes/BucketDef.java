package io.edgemesh.routes;

import java.util.List;

/**
 * An S3 bucket and the key prefixes written into it. Every prefix starts with
 * {@code tenants/{tenant}/}. {@code objectLock} marks write-once buckets (the audit log);
 * {@code expireAfterDays} applies to {@code expiringPrefix} (quarantine) when positive.
 */
public record BucketDef(String name, List<String> prefixes, boolean objectLock, String expiringPrefix,
                        int expireAfterDays, String purpose) {
    public BucketDef {
        prefixes = List.copyOf(prefixes);
    }
}
