/**
 * Implementations behind the envelope API: the canonical encoder and field checks, the HMAC and
 * Ed25519 schemes (JDK and BouncyCastle), AES-GCM sealing, the default signer and verifier, the key
 * sources (environment spec, Secrets Manager) and the replay guards (in memory, DynamoDB). Classes
 * that touch optional dependencies (BouncyCastle, the AWS SDK) are loaded only when chosen.
 */
package io.edgemesh.envelope.internal;
