package io.edgemesh.backbone.tenants;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's profile. It holds the publishable key (safe in a browser: it only works from the
 * allowed origins) but never a secret key or its hash; those live in separate items.
 *
 * @param version optimistic-locking counter, advanced by every profile write
 */
public record Tenant(String id, String name, List<String> allowedOrigins, String publishableKey, TenantStatus status,
                     TenantLimits limits, TrustLevel trustCeiling, ScanPolicy scanPolicy, Instant createdAt,
                     Instant updatedAt, long version) {
    public Tenant {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** Exact match of a browser {@code Origin} header against the allowed origins (scheme, host and port). */
    public boolean allowsOrigin(String origin) {
        return origin != null && allowedOrigins.contains(origin);
    }

    public boolean isSuspended() { return status == TenantStatus.SUSPENDED; }
}
