/**
 * Layer 7: tenants and admin, presigned uploads, documents, audit chain, MCP.
 */
package io.edgemesh.backbone;
