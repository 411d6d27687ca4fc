/**
 * The platform admin API over tenants: strict parsing of admin request bodies
 * ({@link io.edgemesh.backbone.admin.AdminRequests}), the operations themselves with an audit event
 * for every change ({@link io.edgemesh.backbone.admin.TenantAdmin}), and the views returned, which
 * never contain a secret key except once, at creation or rotation.
 */
package io.edgemesh.backbone.admin;
