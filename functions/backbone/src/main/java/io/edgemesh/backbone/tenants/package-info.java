/**
 * Tenants as a library: the {@link io.edgemesh.backbone.tenants.Tenant} record, its validation rules,
 * API key formats ({@link io.edgemesh.backbone.tenants.ApiKeys}) and the DynamoDB-backed
 * {@link io.edgemesh.backbone.tenants.TenantStore}, which the Layer 1 ingress uses on the chat hot path
 * to resolve a publishable ({@code pk_…}) or secret ({@code sk_…}) key to its tenant with one read and
 * a short in-memory cache, and which the admin API uses to create, update and rotate. Keys embed the
 * tenant id, so no index or scan is ever needed to find a key's tenant.
 */
package io.edgemesh.backbone.tenants;
