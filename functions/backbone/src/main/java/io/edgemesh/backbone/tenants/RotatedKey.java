package io.edgemesh.backbone.tenants;

import java.time.Instant;

/**
 * A freshly issued secret key. The keys issued before stay valid until {@code previousKeyExpiresAt}
 * (null when there were none), so a tenant can roll the new key out without downtime.
 */
public record RotatedKey(String keyId, String secretKey, Instant previousKeyExpiresAt) { }
