package io.edgemesh.envelope;

/** Signature algorithms an envelope may carry, with the name that travels on the wire. */
public enum Algorithm {
    /** HMAC-SHA256 with a shared key from a {@link KeyRing}: the default between layers. */
    HS256("HS256"),
    /** Ed25519: for targets that must verify without being able to sign. */
    ED25519("Ed25519");

    private final String wireName;

    Algorithm(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() { return wireName; }

    /** The algorithm for a wire name; unknown names are a malformed envelope, never a default. */
    public static Algorithm fromWire(String name) {
        for (Algorithm a : values()) {
            if (a.wireName.equals(name)) return a;
        }
        throw new EnvelopeRejectedException(RejectReason.MALFORMED, "unknown algorithm");
    }
}
