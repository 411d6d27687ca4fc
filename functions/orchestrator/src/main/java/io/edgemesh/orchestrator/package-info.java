/**
 * Layer 6: sessions, RAG, tools, tenant readiness.
 */
package io.edgemesh.orchestrator;
