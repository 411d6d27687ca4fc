package io.edgemesh.widget.internal;

import io.edgemesh.backbone.tenants.TenantStore;
import java.util.Optional;

/**
 * The {@link TenantDirectory} over Layer 7's tenant store library (its {@code tenants} package, never
 * its handler): one DynamoDB read per key with the store's short in-memory cache, so the chat hot
 * path rarely touches the table.
 */
public final class BackboneTenants implements TenantDirectory {

    /** Publishable keys are public and one per tenant: the principal names the kind, not a secret id. */
    static final String PUBLISHABLE_KEY_ID = "publishable";

    private final TenantStore store;

    public BackboneTenants(TenantStore store) {
        this.store = store;
    }

    @Override
    public Optional<Tenant> byPublishableKey(String publishableKey) {
        return store.resolvePublishable(publishableKey).map(t -> view(t, PUBLISHABLE_KEY_ID));
    }

    @Override
    public Optional<Tenant> bySecretKey(String secretKey) {
        return store.authenticateSecret(secretKey).map(m -> view(m.tenant(), m.keyId()));
    }

    private static Tenant view(io.edgemesh.backbone.tenants.Tenant t, String keyId) {
        return new Tenant(t.id(), keyId, t.isSuspended(), t.allowedOrigins(),
                t.limits() == null ? Tenant.DEFAULT_REQUESTS_PER_MINUTE : t.limits().requestsPerMinute());
    }
}
