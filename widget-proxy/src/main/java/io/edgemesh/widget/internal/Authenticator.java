package io.edgemesh.widget.internal;

import io.edgemesh.common.ApiException;
import io.edgemesh.common.http.HttpRequest;
import io.edgemesh.common.ErrorCodes;
import io.edgemesh.routes.AuthMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Authenticates a request for a route's {@link AuthMode}. Every failure is a 401 {@code unauthorized}
 * with a message that does not say which part was wrong, except the two a site owner must be able
 * to diagnose from a browser: {@code origin_not_allowed} and {@code tenant_suspended} (403).
 */
public final class Authenticator {

    static final String KEY_HEADER = "x-edgemesh-key";
    private static final int MAX_CREDENTIAL_LENGTH = 512;

    private final TenantDirectory tenants;
    private final byte[] adminTokenDigest;

    /**
     * @param adminToken the platform admin token, or null when none is configured (admin routes are
     *                   then closed to everyone rather than open)
     */
    public Authenticator(TenantDirectory tenants, String adminToken) {
        this.tenants = tenants;
        this.adminTokenDigest = adminToken == null || adminToken.isBlank() ? null : sha256(adminToken);
    }

    public Caller authenticate(AuthMode mode, HttpRequest req) {
        return authenticate(mode, req, tenantId -> { });
    }

    /**
     * @param tenantSeen told the tenant as soon as a key resolves to one, even when the request is then
     *                   refused (wrong origin, suspended), so the refusal is logged and counted for it
     */
    public Caller authenticate(AuthMode mode, HttpRequest req, Consumer<String> tenantSeen) {
        return switch (mode) {
            case NONE -> Caller.anonymous();
            case PUBLISHABLE_KEY -> publishable(req, tenantSeen);
            case SECRET_KEY -> secret(req, tenantSeen);
            case ADMIN_TOKEN -> admin(req);
        };
    }

    private Caller publishable(HttpRequest req, Consumer<String> tenantSeen) {
        String key = req.header(KEY_HEADER).orElseThrow(() ->
                ApiException.unauthorized("missing X-EdgeMesh-Key header with a publishable key (pk_...)"));
        if (key.startsWith("sk_")) {
            // A secret key in a browser request means it has leaked into a web page; say so loudly.
            throw ApiException.unauthorized("secret keys (sk_...) must never be used from a browser; use the publishable key (pk_...)");
        }
        if (!key.startsWith("pk_") || key.length() > MAX_CREDENTIAL_LENGTH) {
            throw ApiException.unauthorized("X-EdgeMesh-Key must be a publishable key (pk_...)");
        }
        Tenant t = tenants.byPublishableKey(key).orElseThrow(() -> ApiException.unauthorized("unknown or revoked key"));
        tenantSeen.accept(t.tenantId());
        String origin = req.header("origin").flatMap(Origins::normalise).orElseThrow(() ->
                ApiException.forbidden(ErrorCodes.ORIGIN_NOT_ALLOWED, "an Origin header from an allowed site is required"));
        if (!Origins.allowed(origin, t.allowedOrigins())) {
            throw ApiException.forbidden(ErrorCodes.ORIGIN_NOT_ALLOWED, "origin " + origin + " is not allowed for this key");
        }
        requireActive(t);
        return new Caller(Caller.PUBLISHABLE, t, origin);
    }

    private Caller secret(HttpRequest req, Consumer<String> tenantSeen) {
        String key = bearer(req).orElseThrow(() ->
                ApiException.unauthorized("missing Authorization: Bearer header with a secret key (sk_...)"));
        if (!key.startsWith("sk_") || key.length() > MAX_CREDENTIAL_LENGTH) {
            throw ApiException.unauthorized("this route needs a secret key (sk_...)");
        }
        Tenant t = tenants.bySecretKey(key).orElseThrow(() -> ApiException.unauthorized("unknown or revoked key"));
        tenantSeen.accept(t.tenantId());
        requireActive(t);
        return new Caller(Caller.SECRET, t, null);
    }

    private Caller admin(HttpRequest req) {
        Optional<String> token = bearer(req);
        // Digests of both sides have equal length, so the comparison time says nothing about the token.
        if (adminTokenDigest == null || token.isEmpty()
                || !MessageDigest.isEqual(adminTokenDigest, sha256(token.get()))) {
            throw ApiException.unauthorized("missing or wrong admin token");
        }
        return Caller.admin();
    }

    private static void requireActive(Tenant t) {
        if (t.suspended()) throw ApiException.forbidden(ErrorCodes.TENANT_SUSPENDED, "this tenant is suspended");
    }

    /** The token of {@code Authorization: Bearer <token>}, if present. */
    static Optional<String> bearer(HttpRequest req) {
        return req.header("authorization").flatMap(v -> {
            if (v.length() < 7 || !v.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
            String t = v.substring(7).trim();
            return t.isEmpty() ? Optional.empty() : Optional.of(t);
        });
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
