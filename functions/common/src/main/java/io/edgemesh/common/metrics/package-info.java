/**
 * CloudWatch embedded-metric-format metrics: {@link io.edgemesh.common.metrics.Metrics} collects
 * counts and durations for one unit of work and flushes them as one EMF JSON line on stdout, in
 * namespace {@code EdgeMesh} with dimensions {@code [Function, TenantId]}, so no metrics API call sits
 * on the request path and every figure is per tenant.
 */
package io.edgemesh.common.metrics;
