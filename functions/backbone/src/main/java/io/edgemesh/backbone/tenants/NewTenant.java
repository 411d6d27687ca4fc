package io.edgemesh.backbone.tenants;

import java.util.List;

/** What an admin sends to create a tenant; validated on construction. */
public record NewTenant(String id, String name, List<String> allowedOrigins) {
    public NewTenant {
        TenantRules.tenantId("id", id);
        name = TenantRules.name(name);
        allowedOrigins = TenantRules.origins(allowedOrigins);
    }
}
