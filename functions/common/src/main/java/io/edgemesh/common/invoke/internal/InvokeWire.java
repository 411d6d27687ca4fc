package io.edgemesh.common.invoke.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgemesh.common.Json;
import io.edgemesh.envelope.Envelope;
import io.edgemesh.envelope.EnvelopeRejectedException;
import io.edgemesh.envelope.RejectReason;
import io.edgemesh.envelope.SignedMessage;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The Lambda invoke payloads between layers: {@code {"envelope":{...},"body":"<base64url>"}} going
 * in, {@code {"status":200,"body":...}} or {@code {"status":4xx,"error":{...}}} coming back.
 * Reading is strict (exact members, numbers where numbers belong) because the request side is the
 * first thing a target sees of a possibly forged call.
 */
public final class InvokeWire {
    private InvokeWire() { }

    private static final Set<String> NUMERIC = Set.of("version", "issuedAt", "expiresAt");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** A request as read, before verification. */
    public record Request(Envelope envelope, byte[] body) { }

    public static byte[] request(SignedMessage m) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode env = root.putObject("envelope");
        m.envelope().toFields().forEach((k, v) -> {
            if (NUMERIC.contains(k)) env.put(k, Long.parseLong(v));
            else env.put(k, v);
        });
        root.put("body", B64.encodeToString(m.body()));
        return Json.writeBytes(root);
    }

    /** @throws EnvelopeRejectedException {@link RejectReason#MALFORMED} for anything but the exact shape */
    public static Request parseRequest(byte[] payload) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(payload);
        } catch (IOException e) {
            throw malformed("payload is not JSON");
        }
        if (root == null || !root.isObject() || root.size() != 2) throw malformed("payload is not {envelope, body}");
        JsonNode env = root.get("envelope");
        JsonNode body = root.get("body");
        if (env == null || !env.isObject() || body == null || !body.isTextual()) throw malformed("payload is not {envelope, body}");
        Map<String, String> fields = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = env.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            if (NUMERIC.contains(f.getKey())) {
                if (!v.isIntegralNumber() || !v.canConvertToLong()) throw malformed(f.getKey() + " is not an integer");
                fields.put(f.getKey(), Long.toString(v.longValue()));
            } else {
                if (!v.isTextual()) throw malformed(f.getKey() + " is not a string");
                fields.put(f.getKey(), v.textValue());
            }
        }
        Envelope envelope = Envelope.fromFields(fields);
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(body.textValue());
        } catch (IllegalArgumentException e) {
            throw malformed("body is not base64url");
        }
        return new Request(envelope, bytes);
    }

    public static byte[] okResponse(int status, JsonNode body, Map<String, String> headers) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("status", status);
        root.set("body", body == null ? Json.MAPPER.nullNode() : body);
        if (headers != null && !headers.isEmpty()) {
            ObjectNode h = root.putObject("headers");
            headers.forEach(h::put);
        }
        return Json.writeBytes(root);
    }

    public static byte[] errorResponse(int status, Map<String, Object> error) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("status", status);
        root.set("error", Json.MAPPER.valueToTree(error));
        return Json.writeBytes(root);
    }

    /** A response as read by the caller. */
    public record Response(int status, JsonNode body, Map<String, String> headers) { }

    /** @throws IllegalArgumentException when the target answered something else than the documented shape */
    public static Response parseResponse(byte[] payload) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("response is not JSON");
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("response is not a JSON object");
        JsonNode status = root.get("status");
        if (status == null || !status.isInt() || status.intValue() < 100 || status.intValue() > 599) {
            throw new IllegalArgumentException("response has no valid status");
        }
        JsonNode error = root.get("error");
        JsonNode body = error != null ? error : root.get("body");
        if (body == null) body = Json.MAPPER.nullNode();
        if (error != null && (!error.isObject() || !error.path("code").isTextual())) {
            throw new IllegalArgumentException("response error has no code");
        }
        Map<String, String> headers = new HashMap<>();
        JsonNode h = root.get("headers");
        if (h != null && h.isObject()) {
            h.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual()) headers.put(e.getKey(), e.getValue().textValue());
            });
        }
        return new Response(status.intValue(), body, Map.copyOf(headers));
    }

    private static EnvelopeRejectedException malformed(String what) {
        return new EnvelopeRejectedException(RejectReason.MALFORMED, what);
    }
}
