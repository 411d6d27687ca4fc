package io.edgemesh.tinyml.index;

import java.util.regex.Pattern;

/**
 * The tenant ids an index may exist for (the events' rule). Tenant ids become folder names and S3 key
 * segments here, so anything else (an envelope allows dots and colons) is treated as "no index".
 */
public final class TenantIds {
    private static final Pattern VALID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$");

    private TenantIds() { }

    public static boolean isValid(String tenantId) {
        return tenantId != null && VALID.matcher(tenantId).matches();
    }

    public static String require(String tenantId) {
        if (!isValid(tenantId)) throw new IllegalArgumentException("not a valid tenant id: " + tenantId);
        return tenantId;
    }
}
