package io.edgemesh.widget.internal;

import java.util.List;

/**
 * What the ingress needs to know about the tenant behind a key.
 *
 * @param tenantId          the tenant
 * @param keyId             the id of the key that matched (never the key itself)
 * @param suspended         a suspended tenant's keys authenticate but every request is refused
 * @param allowedOrigins    origins allowed to use the publishable key
 * @param requestsPerMinute the tenant-wide chat rate limit
 */
public record Tenant(String tenantId, String keyId, boolean suspended, List<String> allowedOrigins,
                     int requestsPerMinute) {

    public static final int DEFAULT_REQUESTS_PER_MINUTE = 60;

    public Tenant {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        if (requestsPerMinute <= 0) requestsPerMinute = DEFAULT_REQUESTS_PER_MINUTE;
    }
}
