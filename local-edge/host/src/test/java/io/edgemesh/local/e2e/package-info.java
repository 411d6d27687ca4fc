/**
 * End-to-end tests of the whole mesh: one {@link io.edgemesh.local.LocalEdge} with every real
 * function in this JVM, on the embedded servers and in memory, driven over real HTTP with
 * {@code java.net.http} exactly as a tenant's back end and a site visitor would (admin API, uploads
 * through presigned URLs, documents, search, tenant status, chat, the demo page). Nothing is
 * replaced: what these tests prove is what {@code ./edgemesh dev} does.
 */
package io.edgemesh.local.e2e;
