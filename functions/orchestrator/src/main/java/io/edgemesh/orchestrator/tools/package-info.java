/**
 * The tool registry of Layer 6: each tool declares the minimum {@link io.edgemesh.orchestrator.tools.TrustLevel}
 * it needs, and the registry refuses calls above the caller's trust. Tools: {@code search_knowledge},
 * {@code get_document}, {@code handoff_to_human}. Their collaborators (catalog, escalations, audit)
 * are interfaces so the same tools serve the chat path and MCP clients.
 */
package io.edgemesh.orchestrator.tools;
