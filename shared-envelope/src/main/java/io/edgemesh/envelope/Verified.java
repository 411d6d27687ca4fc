package io.edgemesh.envelope;

import java.util.Arrays;

/**
 * An envelope that passed every check, and its body in plain text (opened when it was sealed). The
 * array is not copied: treat it as read-only.
 */
public record Verified(Envelope envelope, byte[] body) {
    public Verified {
        java.util.Objects.requireNonNull(envelope, "envelope");
        java.util.Objects.requireNonNull(body, "body");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Verified v && envelope.equals(v.envelope) && Arrays.equals(body, v.body);
    }

    @Override
    public int hashCode() { return envelope.hashCode() * 31 + Arrays.hashCode(body); }

    @Override
    public String toString() { return "Verified[" + envelope + ", " + body.length + " body bytes]"; }
}
