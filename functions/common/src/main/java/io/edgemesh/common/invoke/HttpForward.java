package io.edgemesh.common.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The body of an invocation that the Layer 1 ingress forwards for a public route, after it has
 * authenticated the caller. Targets never see raw credentials, only the resolved principal.
 *
 * @param method     HTTP method
 * @param path       request path
 * @param pathParams values of the route's {@code {name}} segments
 * @param query      query string parameters (first value of each)
 * @param body       parsed JSON body, or null
 * @param principal  who called: kind {@code publishable_key|secret_key|admin}, the key id, the origin
 * @param clientIp   the caller's IP as the function URL saw it
 */
public record HttpForward(String method, String path, Map<String, String> pathParams, Map<String, String> query,
                          JsonNode body, Principal principal, String clientIp) {

    /** The authenticated caller. {@code tenantId} is null for the admin. */
    public record Principal(String kind, String tenantId, String keyId, String origin) { }
}
