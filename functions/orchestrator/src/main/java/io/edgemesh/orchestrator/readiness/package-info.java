/**
 * Tenant readiness: the rule that a tenant's chat stays locked until at least one of its documents is
 * indexed, applied on document-indexed and document-removed events with conditional writes.
 */
package io.edgemesh.orchestrator.readiness;
