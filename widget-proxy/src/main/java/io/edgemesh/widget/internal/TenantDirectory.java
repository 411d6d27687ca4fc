package io.edgemesh.widget.internal;

import java.util.Optional;

/**
 * Resolves API keys to tenants. Production reads the backbone's tenant store (Layer 7's library
 * part, never its handler); the ingress only ever sees the resolved {@link Tenant}.
 */
public interface TenantDirectory {

    /** The tenant owning publishable key {@code pk_...}, if the key exists and is not revoked. */
    Optional<Tenant> byPublishableKey(String publishableKey);

    /** The tenant owning secret key {@code sk_...}, if the key exists and is not revoked. */
    Optional<Tenant> bySecretKey(String secretKey);
}
