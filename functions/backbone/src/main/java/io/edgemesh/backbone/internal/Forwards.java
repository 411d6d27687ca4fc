package io.edgemesh.backbone.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.ErrorCodes;
import io.edgemesh.common.Json;
import io.edgemesh.common.invoke.HttpForward;
import io.edgemesh.common.invoke.Invocation;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the {@link HttpForward} body of a routed invocation and checks its principal. The envelope
 * was verified already; these checks make sure a route meant for one kind of caller cannot be driven
 * by another, even if the ingress were misconfigured.
 */
public final class Forwards {
    public static final String SECRET_KEY = "secret_key";
    public static final String ADMIN = "admin";

    private Forwards() { }

    public static HttpForward read(Invocation inv, String requiredKind) {
        JsonNode body = inv.body();
        if (body == null || !body.isObject()) throw ApiException.invalid("the invocation body must be a forwarded HTTP request");
        HttpForward f = Json.convert(body, HttpForward.class);
        if (f.principal() == null || !requiredKind.equals(f.principal().kind())) {
            throw ApiException.forbidden(ErrorCodes.FORBIDDEN, "this operation needs a " + requiredKind + " caller");
        }
        if (SECRET_KEY.equals(requiredKind) && !Objects.equals(f.principal().tenantId(), inv.tenantId())) {
            throw ApiException.forbidden(ErrorCodes.FORBIDDEN, "the caller's tenant does not match the invocation");
        }
        return f;
    }

    public static String pathParam(HttpForward f, String name) {
        Map<String, String> p = f.pathParams();
        String v = p == null ? null : p.get(name);
        if (v == null || v.isEmpty()) throw ApiException.invalid("path parameter " + name + " is required");
        return v;
    }

    public static String query(HttpForward f, String name) {
        return f.query() == null ? null : f.query().get(name);
    }

    /** Who acted, for audit records: the key id when known. */
    public static String actor(HttpForward f) {
        String keyId = f.principal().keyId();
        return keyId == null || keyId.isBlank() ? f.principal().kind() : "key:" + keyId;
    }
}
