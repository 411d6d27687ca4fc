package io.edgemesh.envelope;

/**
 * What a caller wants signed; the signer adds the key id, algorithm, times, body hash and signature.
 *
 * @param tenantId    the tenant the call acts for
 * @param sourceLayer the caller's layer id
 * @param targetLayer the callee's layer id
 * @param operation   what the callee should do
 * @param requestId   unique per call (use a fresh UUID): it is the replay nonce
 * @param traceparent W3C trace context, or null/empty for none
 */
public record Call(String tenantId, String sourceLayer, String targetLayer, String operation, String requestId,
                   String traceparent) { }
