/**
 * Layer 7, the backbone: the handlers named in {@code EdgeMeshResources}. {@link io.edgemesh.backbone.AdminHandler}
 * (tenants and the audit log, admin token), {@link io.edgemesh.backbone.UploadsHandler} (presigned uploads and
 * documents, secret key), {@link io.edgemesh.backbone.McpHandler} (MCP tools and the A2A card) and
 * {@link io.edgemesh.backbone.AuditHandler} (the audit queue consumer). Each handler only parses, checks the
 * caller and maps results; the domain lives in {@code tenants} (also a library for the Layer 1 ingress),
 * {@code uploads}, {@code documents}, {@code audit}, {@code admin} and {@code mcp}.
 */
package io.edgemesh.backbone;
