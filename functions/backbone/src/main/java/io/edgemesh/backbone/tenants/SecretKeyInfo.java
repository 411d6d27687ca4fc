package io.edgemesh.backbone.tenants;

import java.time.Instant;

/** What may be shown about a secret key: its id and lifetime, never the key or its hash. */
public record SecretKeyInfo(String keyId, Instant createdAt, Instant expiresAt) {
    public boolean activeAt(Instant now) { return expiresAt == null || now.isBefore(expiresAt); }
}
