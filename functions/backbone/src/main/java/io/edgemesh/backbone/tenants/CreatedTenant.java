package io.edgemesh.backbone.tenants;

/** A new tenant with its first secret key in plaintext: the only time it is ever visible. */
public record CreatedTenant(Tenant tenant, String secretKey, String keyId) { }
