package io.edgemesh.backbone.tenants;

/** A secret key that verified: its tenant and which of the tenant's keys it was (for audit and principals). */
public record SecretKeyMatch(Tenant tenant, String keyId) { }
