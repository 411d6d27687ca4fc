package io.edgemesh.common.invoke;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A verified call from another layer, as the target's domain code sees it: the envelope has
 * already been checked (signature, expiry, target, replay, tenant) before this exists.
 *
 * @param requestId   the envelope's request id (also its replay nonce)
 * @param tenantId    the tenant the call acts for; the body may not name another
 * @param source      the calling layer's id (e.g. {@code orchestration}), as signed in the envelope
 * @param operation   what to do, e.g. {@code search} or {@code documents.get}
 * @param traceparent W3C trace context to continue
 * @param body        the JSON body (for routed HTTP calls an {@link HttpForward})
 */
public record Invocation(String requestId, String tenantId, String source, String operation, String traceparent,
                         JsonNode body) { }
