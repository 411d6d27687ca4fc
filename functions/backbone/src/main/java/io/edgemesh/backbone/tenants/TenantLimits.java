package io.edgemesh.backbone.tenants;

/**
 * Per-tenant limits. Defaults are conservative for a new tenant; the admin raises them.
 *
 * @param maxUploadBytes     largest document a presigned URL is issued for
 * @param maxDocuments       documents the tenant may hold (any status but failed)
 * @param requestsPerMinute  chat requests per minute for the whole tenant (Layer 1 token bucket)
 * @param monthlyTokenBudget model tokens per calendar month (Layer 5 enforces it)
 */
public record TenantLimits(long maxUploadBytes, int maxDocuments, int requestsPerMinute, long monthlyTokenBudget) {
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 25L * 1024 * 1024;
    public static final long MAX_UPLOAD_BYTES_CEILING = 100L * 1024 * 1024;
    public static final int DEFAULT_MAX_DOCUMENTS = 100;
    public static final int MAX_DOCUMENTS_CEILING = 10_000;
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 60;
    public static final int REQUESTS_PER_MINUTE_CEILING = 100_000;
    public static final long DEFAULT_MONTHLY_TOKEN_BUDGET = 1_000_000L;
    public static final long MONTHLY_TOKEN_BUDGET_CEILING = 100_000_000_000L;

    public TenantLimits {
        TenantRules.range("limits.maxUploadBytes", maxUploadBytes, 1, MAX_UPLOAD_BYTES_CEILING);
        TenantRules.range("limits.maxDocuments", maxDocuments, 1, MAX_DOCUMENTS_CEILING);
        TenantRules.range("limits.requestsPerMinute", requestsPerMinute, 1, REQUESTS_PER_MINUTE_CEILING);
        TenantRules.range("limits.monthlyTokenBudget", monthlyTokenBudget, 0, MONTHLY_TOKEN_BUDGET_CEILING);
    }

    public static TenantLimits defaults() {
        return new TenantLimits(DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_MAX_DOCUMENTS, DEFAULT_REQUESTS_PER_MINUTE,
                DEFAULT_MONTHLY_TOKEN_BUDGET);
    }
}
