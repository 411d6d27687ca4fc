package io.edgemesh.common.invoke;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a target layer answers: an HTTP-like status and a JSON body. On the wire (the Lambda invoke
 * response) it is {@code {"status":200,"body":{...}}} or {@code {"status":409,"error":{"code","message"}}};
 * {@link #body()} holds {@code body} or the {@code error} object.
 */
public record InvocationResult(int status, JsonNode body, java.util.Map<String, String> headers) {
    public boolean ok() { return status >= 200 && status < 300; }
}
