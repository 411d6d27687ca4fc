package io.edgemesh.backbone.admin;

import io.edgemesh.backbone.audit.AuditEvents;
import io.edgemesh.backbone.audit.AuditPublisher;
import io.edgemesh.backbone.tenants.CreatedTenant;
import io.edgemesh.backbone.tenants.NewTenant;
import io.edgemesh.backbone.tenants.RotatedKey;
import io.edgemesh.backbone.tenants.Tenant;
import io.edgemesh.backbone.tenants.TenantPatch;
import io.edgemesh.backbone.tenants.TenantRules;
import io.edgemesh.backbone.tenants.TenantStore;
import io.edgemesh.common.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Admin operations on tenants. Each change is audited in the changed tenant's chain with the admin as
 * actor; audit details name what changed, never a key.
 */
public final class TenantAdmin {
    public static final String ACTOR = "admin";

    private final TenantStore tenants;
    private final AuditPublisher audit;
    private final Clock clock;

    public TenantAdmin(TenantStore tenants, AuditPublisher audit, Clock clock) {
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    /** The created tenant and its secret key, shown this once. */
    public record Created(String id, String publishableKey, String secretKey, String keyId, TenantView tenant) { }

    public record Rotated(String secretKey, String keyId, java.time.Instant previousKeyExpiresAt) { }

    public Created create(NewTenant request, String requestId) {
        CreatedTenant c = tenants.create(request);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", c.tenant().name());
        details.put("allowedOrigins", c.tenant().allowedOrigins());
        details.put("keyId", c.keyId());
        audit.publish(AuditEvents.of(c.tenant().id(), requestId, "tenant.created", ACTOR, null, "succeeded", clock.instant(), details));
        return new Created(c.tenant().id(), c.tenant().publishableKey(), c.secretKey(), c.keyId(),
                TenantView.of(c.tenant(), tenants.keys(c.tenant().id())));
    }

    public TenantView get(String tenantId) {
        TenantRules.tenantId("tenantId", tenantId);
        return TenantView.of(tenants.require(tenantId), tenants.keys(tenantId));
    }

    public TenantView update(String tenantId, TenantPatch patch, String requestId) {
        TenantRules.tenantId("tenantId", tenantId);
        Tenant before = tenants.require(tenantId);
        Tenant after = tenants.update(tenantId, patch);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changed", changed(before, after));
        if (before.status() != after.status()) {
            details.put("fromStatus", before.status().wire());
            details.put("toStatus", after.status().wire());
        }
        audit.publish(AuditEvents.of(tenantId, requestId, "tenant.updated", ACTOR, null, "succeeded", clock.instant(), details));
        return TenantView.of(after, tenants.keys(tenantId));
    }

    public Rotated rotateKey(String tenantId, Duration overlap, String requestId) {
        TenantRules.tenantId("tenantId", tenantId);
        RotatedKey r = tenants.rotateSecret(tenantId, overlap);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("keyId", r.keyId());
        details.put("overlapSeconds", overlap.toSeconds());
        if (r.previousKeyExpiresAt() != null) details.put("previousKeyExpiresAt", r.previousKeyExpiresAt().toString());
        audit.publish(AuditEvents.of(tenantId, requestId, "key.rotated", ACTOR, null, "succeeded", clock.instant(), details));
        return new Rotated(r.secretKey(), r.keyId(), r.previousKeyExpiresAt());
    }

    private static List<String> changed(Tenant a, Tenant b) {
        List<String> out = new ArrayList<>();
        if (!a.name().equals(b.name())) out.add("name");
        if (!a.allowedOrigins().equals(b.allowedOrigins())) out.add("allowedOrigins");
        if (a.status() != b.status()) out.add("status");
        if (!a.limits().equals(b.limits())) out.add("limits");
        if (a.trustCeiling() != b.trustCeiling()) out.add("trustCeiling");
        if (!a.scanPolicy().equals(b.scanPolicy())) out.add("scanPolicy");
        return out;
    }

    /** @throws ApiException 404 when the tenant does not exist (the audit log of a missing tenant is not listed). */
    public void requireExists(String tenantId) {
        TenantRules.tenantId("tenantId", tenantId);
        tenants.require(tenantId);
    }
}
