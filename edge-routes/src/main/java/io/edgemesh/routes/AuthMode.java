package io.edgemesh.routes;

/** How the Layer 1 ingress authenticates a route before it forwards it. */
public enum AuthMode {
    /** Public: static assets, the agent card. */
    NONE,
    /** {@code X-EdgeMesh-Key: pk_...} and an {@code Origin} among the tenant's allowed origins. */
    PUBLISHABLE_KEY,
    /** {@code Authorization: Bearer sk_...}; server-to-server, never in a browser. */
    SECRET_KEY,
    /** {@code Authorization: Bearer <admin token>}; platform operators only. */
    ADMIN_TOKEN
}
