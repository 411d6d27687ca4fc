package io.edgemesh.widget.internal;

import io.edgemesh.common.invoke.HttpForward;

/**
 * An authenticated caller.
 *
 * @param kind   {@code anonymous}, {@code publishable_key}, {@code secret_key} or {@code admin}
 * @param tenant the key's tenant; null for anonymous and admin callers
 * @param origin the verified origin (publishable keys only)
 */
public record Caller(String kind, Tenant tenant, String origin) {

    public static final String ANONYMOUS = "anonymous";
    public static final String PUBLISHABLE = "publishable_key";
    public static final String SECRET = "secret_key";
    public static final String ADMIN = "admin";

    public static Caller anonymous() { return new Caller(ANONYMOUS, null, null); }

    public static Caller admin() { return new Caller(ADMIN, null, null); }

    public String tenantId() { return tenant == null ? null : tenant.tenantId(); }

    /** The principal that forwarded calls carry instead of credentials. */
    public HttpForward.Principal principal() {
        return new HttpForward.Principal(kind, tenantId(), tenant == null ? null : tenant.keyId(), origin);
    }
}
