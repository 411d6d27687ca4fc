package io.edgemesh.widget.support;

import io.edgemesh.widget.internal.Tenant;
import io.edgemesh.widget.internal.TenantDirectory;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A key-to-tenant table for unit tests of the ingress (the real one is the backbone's store). */
public final class InMemoryTenants implements TenantDirectory {

    private final Map<String, Tenant> publishable = new ConcurrentHashMap<>();
    private final Map<String, Tenant> secret = new ConcurrentHashMap<>();

    public InMemoryTenants publishable(String key, Tenant t) {
        publishable.put(key, t);
        return this;
    }

    public InMemoryTenants secret(String key, Tenant t) {
        secret.put(key, t);
        return this;
    }

    @Override
    public Optional<Tenant> byPublishableKey(String key) { return Optional.ofNullable(publishable.get(key)); }

    @Override
    public Optional<Tenant> bySecretKey(String key) { return Optional.ofNullable(secret.get(key)); }
}
