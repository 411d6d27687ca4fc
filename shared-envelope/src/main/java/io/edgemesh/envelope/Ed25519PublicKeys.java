package io.edgemesh.envelope;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Ed25519 public keys a verifier trusts, by key id. Several at once, so signing keys can rotate. */
public final class Ed25519PublicKeys {
    private final Map<String, byte[]> keys;

    private Ed25519PublicKeys(Map<String, byte[]> keys) {
        this.keys = keys;
    }

    /** @param keys key id to raw 32-byte public key */
    public static Ed25519PublicKeys of(Map<String, byte[]> keys) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        keys.forEach((kid, key) -> {
            if (key == null || key.length != 32) throw new IllegalArgumentException("Ed25519 public key " + kid + " is not 32 bytes");
            copy.put(kid, key.clone());
        });
        if (copy.isEmpty()) throw new IllegalArgumentException("no Ed25519 public keys");
        return new Ed25519PublicKeys(Collections.unmodifiableMap(copy));
    }

    public static Ed25519PublicKeys of(Ed25519SigningKey... signers) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (Ed25519SigningKey s : signers) m.put(s.keyId(), s.publicKey());
        return of(m);
    }

    public Set<String> keyIds() { return keys.keySet(); }

    public Optional<byte[]> key(String keyId) {
        byte[] k = keys.get(keyId);
        return k == null ? Optional.empty() : Optional.of(k.clone());
    }

    @Override
    public String toString() { return "Ed25519PublicKeys" + keys.keySet(); }
}
