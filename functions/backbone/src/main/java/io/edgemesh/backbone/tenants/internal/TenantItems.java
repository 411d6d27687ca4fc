package io.edgemesh.backbone.tenants.internal;

import static io.edgemesh.backbone.internal.Attrs.l;
import static io.edgemesh.backbone.internal.Attrs.m;
import static io.edgemesh.backbone.internal.Attrs.n;
import static io.edgemesh.backbone.internal.Attrs.s;
import static io.edgemesh.backbone.internal.Attrs.t;

import io.edgemesh.backbone.internal.Attrs;
import io.edgemesh.backbone.tenants.ScanAction;
import io.edgemesh.backbone.tenants.ScanPolicy;
import io.edgemesh.backbone.tenants.SecretKeyInfo;
import io.edgemesh.backbone.tenants.Tenant;
import io.edgemesh.backbone.tenants.TenantLimits;
import io.edgemesh.backbone.tenants.TenantStatus;
import io.edgemesh.backbone.tenants.TrustLevel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item layout of the tenants table. Partition {@code tenantId}; sort key {@code PROFILE} for the
 * profile, {@code KEY#<keyId>} for each secret key ({@code sha256} of the key, {@code createdAt},
 * optional {@code expiresAt} in epoch seconds). The profile carries {@code version} (optimistic
 * locking of profile edits) and {@code keysRevision} (serialises key rotations).
 */
public final class TenantItems {
    public static final String PK = "tenantId";
    public static final String SK = "sk";
    public static final String PROFILE = "PROFILE";
    public static final String KEY_PREFIX = "KEY#";

    private TenantItems() { }

    public static Map<String, AttributeValue> profileKey(String tenantId) { return Attrs.key(PK, tenantId, SK, PROFILE); }

    public static Map<String, AttributeValue> keyKey(String tenantId, String keyId) {
        return Attrs.key(PK, tenantId, SK, KEY_PREFIX + keyId);
    }

    public static Map<String, AttributeValue> profile(Tenant t, long keysRevision) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(profileKey(t.id()));
        item.put("name", s(t.name()));
        item.put("allowedOrigins", l(t.allowedOrigins()));
        item.put("publishableKey", s(t.publishableKey()));
        item.put("status", s(t.status().wire()));
        item.put("limits", limits(t.limits()));
        item.put("trustCeiling", s(t.trustCeiling().wire()));
        item.put("scanPolicy", scanPolicy(t.scanPolicy()));
        item.put("createdAt", t(t.createdAt()));
        item.put("updatedAt", t(t.updatedAt()));
        item.put("version", n(t.version()));
        item.put("keysRevision", n(keysRevision));
        return item;
    }

    public static AttributeValue limits(TenantLimits l) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("maxUploadBytes", n(l.maxUploadBytes()));
        m.put("maxDocuments", n(l.maxDocuments()));
        m.put("requestsPerMinute", n(l.requestsPerMinute()));
        m.put("monthlyTokenBudget", n(l.monthlyTokenBudget()));
        return m(m);
    }

    /** The policy as a map; also what the uploads API copies onto each document row for the scanners. */
    public static AttributeValue scanPolicy(ScanPolicy p) {
        Map<String, AttributeValue> actions = new TreeMap<>();
        p.actions().forEach((k, v) -> actions.put(k, s(v.wire())));
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("allowedContentTypes", l(p.allowedContentTypes()));
        m.put("maxPages", n(p.maxPages()));
        m.put("actions", m(actions));
        return m(m);
    }

    public static Tenant tenant(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> lim = Attrs.map(item, "limits");
        TenantLimits d = TenantLimits.defaults();
        TenantLimits limits = new TenantLimits(Attrs.num(lim, "maxUploadBytes", d.maxUploadBytes()),
                (int) Attrs.num(lim, "maxDocuments", d.maxDocuments()),
                (int) Attrs.num(lim, "requestsPerMinute", d.requestsPerMinute()),
                Attrs.num(lim, "monthlyTokenBudget", d.monthlyTokenBudget()));
        Map<String, AttributeValue> pol = Attrs.map(item, "scanPolicy");
        Map<String, ScanAction> actions = new TreeMap<>();
        Attrs.map(pol, "actions").forEach((k, v) -> actions.put(k, ScanAction.parse(v.s())));
        var types = Attrs.strs(pol, "allowedContentTypes");
        ScanPolicy policy = new ScanPolicy(types.isEmpty() ? ScanPolicy.defaults().allowedContentTypes() : types,
                (int) Attrs.num(pol, "maxPages", ScanPolicy.DEFAULT_MAX_PAGES), actions);
        return new Tenant(Attrs.str(item, PK), Attrs.str(item, "name"), Attrs.strs(item, "allowedOrigins"),
                Attrs.str(item, "publishableKey"), TenantStatus.parse(Attrs.str(item, "status")), limits,
                TrustLevel.parse(Attrs.optStr(item, "trustCeiling").orElse(TrustLevel.AUTHENTICATED.wire())), policy,
                Attrs.time(item, "createdAt"), Attrs.time(item, "updatedAt"), Attrs.num(item, "version", 0));
    }

    public static long keysRevision(Map<String, AttributeValue> item) { return Attrs.num(item, "keysRevision", 0); }

    public static Map<String, AttributeValue> secretKey(String tenantId, String keyId, String sha256, Instant createdAt) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(keyKey(tenantId, keyId));
        item.put("keyId", s(keyId));
        item.put("kind", s("secret"));
        item.put("sha256", s(sha256));
        item.put("createdAt", t(createdAt));
        return item;
    }

    public static boolean isKey(Map<String, AttributeValue> item) {
        String sk = Attrs.str(item, SK);
        return sk != null && sk.startsWith(KEY_PREFIX);
    }

    public static SecretKeyInfo keyInfo(Map<String, AttributeValue> item) {
        return new SecretKeyInfo(Attrs.str(item, "keyId"), Attrs.time(item, "createdAt"),
                Attrs.optNum(item, "expiresAt").map(Instant::ofEpochSecond).orElse(null));
    }

    public static String keyHash(Map<String, AttributeValue> item) { return Attrs.str(item, "sha256"); }
}
