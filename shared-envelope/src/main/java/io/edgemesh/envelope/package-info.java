/**
 * Signed invocation envelopes between layers: canonical form, HMAC-SHA256 key ring, Ed25519, AES-GCM sealing, replay guard.
 */
package io.edgemesh.envelope;
