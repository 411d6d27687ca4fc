/**
 * How tenants are laid out in DynamoDB (one partition per tenant: {@code PROFILE} and
 * {@code KEY#<keyId>} items) and the small expiring cache in front of key resolution. Only
 * {@link io.edgemesh.backbone.tenants.TenantStore} uses these.
 */
package io.edgemesh.backbone.tenants.internal;
