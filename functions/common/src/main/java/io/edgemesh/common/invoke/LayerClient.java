package io.edgemesh.common.invoke;

import io.edgemesh.common.ApiException;

/**
 * Calls another layer's function through a signed envelope. In AWS it is a Lambda {@code Invoke};
 * locally the same SDK call goes to the local edge's Lambda-compatible endpoint. There is no
 * in-process shortcut: the payload is serialised, signed, verified and deserialised every time.
 */
public interface LayerClient {

    /**
     * Invokes {@code function} (logical name) with {@code operation} for {@code tenantId}.
     *
     * @param body any Jackson-serialisable value (record, map, JsonNode)
     * @return the target's result, any status
     * @throws ApiException 502 {@code upstream_unavailable} when the target cannot be reached or fails
     */
    InvocationResult invoke(String function, String operation, String tenantId, Object body, String traceparent);
}
