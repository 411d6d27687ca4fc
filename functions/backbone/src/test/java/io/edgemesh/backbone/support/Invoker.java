package io.edgemesh.backbone.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import io.edgemesh.common.invoke.EnvelopeHandler;
import io.edgemesh.common.invoke.HttpForward;
import io.edgemesh.common.invoke.internal.InvokeWire;
import io.edgemesh.envelope.Call;
import io.edgemesh.envelope.EnvelopeSigner;
import io.edgemesh.envelope.KeySource;
import io.edgemesh.envelope.Traceparent;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Calls a handler the way the Layer 1 ingress does: an {@link HttpForward} body signed into an
 * envelope from the ingress layer, through the handler's full {@code answer(byte[])} path.
 */
public final class Invoker {
    public static final String KEYS = "k1:" + Base64.getEncoder().encodeToString("backbone-test-key-32-bytes-long!".getBytes());
    private final EnvelopeSigner signer = EnvelopeSigner.hmac(KeySource.fromSpec(KEYS), Clock.systemUTC(), EnvelopeSigner.DEFAULT_TTL);

    public record Result(int status, JsonNode body) {
        public String code() { return body.path("code").asText(null); }
    }

    /** The function's environment on the shared emulators, with the envelope keys. */
    public static Map<String, String> env() {
        Map<String, String> env = new HashMap<>(Backbone.env());
        env.put("EDGEMESH_ENVELOPE_KEYS", KEYS);
        return env;
    }

    public Result call(EnvelopeHandler handler, String operation, String tenantId, HttpForward forward) {
        return raw(handler, operation, tenantId, Json.writeBytes(forward));
    }

    public Result raw(EnvelopeHandler handler, String operation, String tenantId, byte[] body) {
        var signed = signer.sign(new Call(tenantId, "ingress", "backbone", operation, UUID.randomUUID().toString(),
                Traceparent.orNew(null)), body);
        var response = InvokeWire.parseResponse(handler.answer(InvokeWire.request(signed)));
        return new Result(response.status(), response.body());
    }

    public static HttpForward admin(String method, String path, Map<String, String> pathParams, JsonNode body) {
        return new HttpForward(method, path, pathParams, Map.of(), body, new HttpForward.Principal("admin", null, null, null), "127.0.0.1");
    }

    public static HttpForward tenant(String tenantId, String keyId, String method, String path, Map<String, String> pathParams,
                                     Map<String, String> query, JsonNode body) {
        return new HttpForward(method, path, pathParams, query, body, new HttpForward.Principal("secret_key", tenantId, keyId, null),
                "127.0.0.1");
    }
}
