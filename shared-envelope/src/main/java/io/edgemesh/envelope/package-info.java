/**
 * Signed invocation envelopes between EdgeMesh layers: every call from one layer to another carries
 * an {@link io.edgemesh.envelope.Envelope} whose signature covers its header and (through a SHA-256)
 * its body; a target verifies it with an {@link io.edgemesh.envelope.EnvelopeVerifier} before any
 * domain code runs, and each failure has its own {@link io.edgemesh.envelope.RejectReason}. HMAC-SHA256
 * keys live in a {@link io.edgemesh.envelope.KeyRing} (sign with the primary, verify with any, so keys
 * rotate without downtime) from a {@link io.edgemesh.envelope.KeySource}; Ed25519 serves targets that
 * must verify without being able to sign; bodies with personal data can be sealed with AES-256-GCM; a
 * {@link io.edgemesh.envelope.ReplayGuard} refuses a request id seen before. Implementations are in
 * {@code internal}; this library needs only the JDK (BouncyCastle and the AWS SDK are optional).
 *
 * <h2>Canonical form</h2>
 * The signature covers these bytes: the ASCII magic {@code EM1}, then the 13 fields below in this
 * order, each as a 4-byte big-endian length followed by its UTF-8 bytes (all fields are ASCII by
 * construction). Numbers are decimal without sign or leading zeros; enums are their wire names; an
 * absent traceparent is the empty string. The length prefixes make the form injective: no two
 * different envelopes share one byte sequence, whatever their field contents.
 * <ol>
 * <li>version ({@code 1})</li><li>keyId</li><li>algorithm ({@code HS256} | {@code Ed25519})</li>
 * <li>tenantId</li><li>sourceLayer</li><li>targetLayer</li><li>operation</li><li>requestId</li>
 * <li>issuedAt (epoch seconds)</li><li>expiresAt (epoch seconds)</li><li>traceparent</li>
 * <li>sealing ({@code none} | {@code A256GCM})</li><li>bodySha256 (lowercase hex of the body bytes as they travel)</li>
 * </ol>
 * The signature itself travels as unpadded base64url. For a sealed body the GCM associated data is the
 * same encoding with an empty bodySha256 (the hash is of the ciphertext, which does not exist yet), so
 * the ciphertext is bound to every other field of its envelope.
 *
 * <h2>Worked example</h2>
 * Key id {@code k1}, key bytes {@code 00 01 02 … 1f} (base64 {@code AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=},
 * so the local spec is {@code k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=}); tenant {@code acme}
 * calls {@code orchestration} → {@code tiny-ml}, operation {@code search}, request id {@code req-1},
 * issued at 1795860000 with a 120 s lifetime, traceparent
 * {@code 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01}, unsealed body
 * {@code {"query":"opening hours"}} (SHA-256 {@code af0d8af4…5ee4e007}). The 241 canonical bytes, in hex:
 * <pre>
 * 454d31                                   "EM1"
 * 00000001 31                              version "1"
 * 00000002 6b31                            keyId "k1"
 * 00000005 4853323536                      algorithm "HS256"
 * 00000004 61636d65                        tenantId "acme"
 * 0000000d 6f726368657374726174696f6e      sourceLayer "orchestration"
 * 00000007 74696e792d6d6c                  targetLayer "tiny-ml"
 * 00000006 736561726368                    operation "search"
 * 00000005 7265712d31                      requestId "req-1"
 * 0000000a 31373935383630303030            issuedAt "1795860000"
 * 0000000a 31373935383630313230            expiresAt "1795860120"
 * 00000037 30302d3061663736…2d3031         traceparent (55 bytes)
 * 00000004 6e6f6e65                        sealing "none"
 * 00000040 6166306438616634…3465303037     bodySha256 (64 hex chars as ASCII)
 * </pre>
 * HMAC-SHA256 of those bytes under the key, base64url: {@code TQ5Brwpw1DmVECj7Z3ZcK6PwNXkolZw4pFsjUpKxHkU}.
 * Reproduce it with {@code xxd -r -p | openssl dgst -sha256 -mac HMAC -macopt hexkey:000102…1f};
 * {@code CanonicalFormExampleTest} pins the full hex.
 *
 * <h2>Verification</h2>
 * Signature first (so forgeries are logged as such), then body hash, then the time window: issued-at
 * within ±300 s of the verifier's clock (the Standard Webhooks window), not past expiry, lifetime at
 * most 300 s; then target layer, sealed body, tenant named by the body, and last the replay guard, which
 * keeps each {@code <tenant>#<requestId>} until expiry + 360 s. All secret comparisons are constant-time.
 */
package io.edgemesh.envelope;
