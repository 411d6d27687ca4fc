/**
 * Storage of the audit chain: the head and per-event markers in the {@code audit-chain} table, and
 * the record objects in the audit bucket. Only {@link io.edgemesh.backbone.audit.AuditLog} uses it.
 */
package io.edgemesh.backbone.audit.internal;
