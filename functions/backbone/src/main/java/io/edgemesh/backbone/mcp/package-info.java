/**
 * The tenant's knowledge as a Model Context Protocol server: a stateless JSON-RPC 2.0 endpoint in the
 * style of MCP's Streamable HTTP transport (each POST carries one message or a batch and gets its
 * answer in the response; notifications get 202), exposing the tools {@code search_knowledge} (Layer 4
 * search through a signed invocation) and {@code get_document} (the document's metadata and status).
 * The protocol layer is hand-written rather than the SDK's server: the SDK's server needs a servlet
 * container and a session per connection, neither of which a Lambda behind the ingress has.
 */
package io.edgemesh.backbone.mcp;
