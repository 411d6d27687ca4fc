/**
 * The hash-chained audit log. Producers send {@link io.edgemesh.events.AuditEvent}s to the
 * {@code audit-events.fifo} queue ({@link io.edgemesh.backbone.audit.AuditPublisher}); the audit
 * function appends each to its tenant's chain ({@link io.edgemesh.backbone.audit.AuditLog}): a record
 * carries the SHA-256 of the previous one, the chain head lives in the {@code audit-chain} table and
 * advances only by a conditional write, and records are written once to
 * {@code tenants/{tenant}/audit/{seq}.json} in the audit bucket. {@link io.edgemesh.backbone.audit.AuditChain}
 * recomputes the hashes and names the first broken link.
 */
package io.edgemesh.backbone.audit;
