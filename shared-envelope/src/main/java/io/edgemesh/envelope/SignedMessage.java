package io.edgemesh.envelope;

import java.util.Arrays;

/**
 * A signed envelope and the body bytes exactly as they travel (ciphertext when sealed).
 * Equality compares the body by content. The array is not copied (this sits on the hot path of
 * every call): treat it as read-only.
 */
public record SignedMessage(Envelope envelope, byte[] body) {
    public SignedMessage {
        java.util.Objects.requireNonNull(envelope, "envelope");
        java.util.Objects.requireNonNull(body, "body");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedMessage m && envelope.equals(m.envelope) && Arrays.equals(body, m.body);
    }

    @Override
    public int hashCode() { return envelope.hashCode() * 31 + Arrays.hashCode(body); }

    @Override
    public String toString() { return "SignedMessage[" + envelope + ", " + body.length + " body bytes]"; }
}
