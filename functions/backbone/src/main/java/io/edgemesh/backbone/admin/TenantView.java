package io.edgemesh.backbone.admin;

import io.edgemesh.backbone.tenants.ScanPolicy;
import io.edgemesh.backbone.tenants.SecretKeyInfo;
import io.edgemesh.backbone.tenants.Tenant;
import io.edgemesh.backbone.tenants.TenantLimits;
import io.edgemesh.backbone.tenants.TenantStatus;
import io.edgemesh.backbone.tenants.TrustLevel;
import java.time.Instant;
import java.util.List;

/** A tenant as the admin API shows it: the profile and its keys' ids and lifetimes, no secrets. */
public record TenantView(String id, String name, List<String> allowedOrigins, String publishableKey, TenantStatus status,
                         TenantLimits limits, TrustLevel trustCeiling, ScanPolicy scanPolicy, Instant createdAt,
                         Instant updatedAt, List<SecretKeyInfo> secretKeys) {

    public static TenantView of(Tenant t, List<SecretKeyInfo> keys) {
        return new TenantView(t.id(), t.name(), t.allowedOrigins(), t.publishableKey(), t.status(), t.limits(),
                t.trustCeiling(), t.scanPolicy(), t.createdAt(), t.updatedAt(), keys);
    }
}
