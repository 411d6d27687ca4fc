package io.edgemesh.envelope;

/** How the body travels: as is, or sealed with AES-256-GCM for payloads that carry personal data. */
public enum Sealing {
    NONE("none"),
    /** {@code iv(12) || ciphertext || tag(16)}, the envelope header as associated data. */
    A256GCM("A256GCM");

    private final String wireName;

    Sealing(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() { return wireName; }

    public static Sealing fromWire(String name) {
        for (Sealing s : values()) {
            if (s.wireName.equals(name)) return s;
        }
        throw new EnvelopeRejectedException(RejectReason.MALFORMED, "unknown sealing");
    }
}
