/**
 * The Chattia widget in a real browser against the real local edge. Tenant pages are served from
 * their own origin by an in-test web server, with a strict Content-Security-Policy and hostile CSS,
 * and embed the widget from the edge exactly as a tenant's site embeds it from the Layer 1 function
 * URL: every request the widget makes crosses origins and goes through the whole mesh.
 */
package io.edgemesh.widget.browser;
