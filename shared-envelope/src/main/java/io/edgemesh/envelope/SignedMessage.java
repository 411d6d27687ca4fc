package io.edgemesh.envelope;

import java.util.Arrays;

/**
 * A signed envelope and the body bytes exactly as they travel (ciphertext when sealed).
 * Equality compares the body by content.
 */
public record SignedMessage(Envelope envelope, byte[] body) {
    public SignedMessage {
        body = body.clone();
    }

    @Override
    public byte[] body() { return body.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedMessage m && envelope.equals(m.envelope) && Arrays.equals(body, m.body);
    }

    @Override
    public int hashCode() { return envelope.hashCode() * 31 + Arrays.hashCode(body); }

    @Override
    public String toString() { return "SignedMessage[" + envelope + ", " + body.length + " body bytes]"; }
}
