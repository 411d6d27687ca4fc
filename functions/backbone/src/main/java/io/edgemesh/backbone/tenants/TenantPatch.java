package io.edgemesh.backbone.tenants;

import java.util.List;
import java.util.Map;

/**
 * A partial update; null means "leave as is". {@code limits} fields merge one by one;
 * {@code scanPolicy.actions}, when given, replaces the whole override map (send {@code {}} to return
 * to the scanners' defaults).
 */
public record TenantPatch(String name, List<String> allowedOrigins, TenantStatus status, LimitsPatch limits,
                          TrustLevel trustCeiling, ScanPolicyPatch scanPolicy) {

    public TenantPatch {
        if (name != null) name = TenantRules.name(name);
        if (allowedOrigins != null) allowedOrigins = TenantRules.origins(allowedOrigins);
    }

    public record LimitsPatch(Long maxUploadBytes, Integer maxDocuments, Integer requestsPerMinute, Long monthlyTokenBudget) {
        public LimitsPatch {
            // checked here too, so a bad value is refused before anything is read or written
            if (maxUploadBytes != null) TenantRules.range("limits.maxUploadBytes", maxUploadBytes, 1, TenantLimits.MAX_UPLOAD_BYTES_CEILING);
            if (maxDocuments != null) TenantRules.range("limits.maxDocuments", maxDocuments, 1, TenantLimits.MAX_DOCUMENTS_CEILING);
            if (requestsPerMinute != null) {
                TenantRules.range("limits.requestsPerMinute", requestsPerMinute, 1, TenantLimits.REQUESTS_PER_MINUTE_CEILING);
            }
            if (monthlyTokenBudget != null) {
                TenantRules.range("limits.monthlyTokenBudget", monthlyTokenBudget, 0, TenantLimits.MONTHLY_TOKEN_BUDGET_CEILING);
            }
        }

        TenantLimits applyTo(TenantLimits l) {
            return new TenantLimits(maxUploadBytes != null ? maxUploadBytes : l.maxUploadBytes(),
                    maxDocuments != null ? maxDocuments : l.maxDocuments(),
                    requestsPerMinute != null ? requestsPerMinute : l.requestsPerMinute(),
                    monthlyTokenBudget != null ? monthlyTokenBudget : l.monthlyTokenBudget());
        }
    }

    public record ScanPolicyPatch(List<String> allowedContentTypes, Integer maxPages, Map<String, ScanAction> actions) {
        public ScanPolicyPatch {
            if (allowedContentTypes != null) allowedContentTypes = TenantRules.contentTypes("scanPolicy.allowedContentTypes", allowedContentTypes);
            if (maxPages != null) TenantRules.range("scanPolicy.maxPages", maxPages, 1, ScanPolicy.MAX_PAGES_CEILING);
            if (actions != null) actions = TenantRules.actions("scanPolicy.actions", actions);
        }

        ScanPolicy applyTo(ScanPolicy p) {
            return new ScanPolicy(allowedContentTypes != null ? allowedContentTypes : p.allowedContentTypes(),
                    maxPages != null ? maxPages : p.maxPages(), actions != null ? actions : p.actions());
        }
    }

    public boolean isEmpty() {
        return name == null && allowedOrigins == null && status == null && limits == null && trustCeiling == null
                && scanPolicy == null;
    }

    /** The tenant with this patch applied (validation of the merged values happens in the records). */
    public Tenant applyTo(Tenant t) {
        return new Tenant(t.id(), name != null ? name : t.name(), allowedOrigins != null ? allowedOrigins : t.allowedOrigins(),
                t.publishableKey(), status != null ? status : t.status(), limits != null ? limits.applyTo(t.limits()) : t.limits(),
                trustCeiling != null ? trustCeiling : t.trustCeiling(),
                scanPolicy != null ? scanPolicy.applyTo(t.scanPolicy()) : t.scanPolicy(), t.createdAt(), t.updatedAt(),
                t.version());
    }
}
