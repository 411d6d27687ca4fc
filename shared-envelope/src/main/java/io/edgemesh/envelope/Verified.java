package io.edgemesh.envelope;

import java.util.Arrays;

/** An envelope that passed every check, and its body in plain text (opened when it was sealed). */
public record Verified(Envelope envelope, byte[] body) {
    public Verified {
        body = body.clone();
    }

    @Override
    public byte[] body() { return body.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Verified v && envelope.equals(v.envelope) && Arrays.equals(body, v.body);
    }

    @Override
    public int hashCode() { return envelope.hashCode() * 31 + Arrays.hashCode(body); }

    @Override
    public String toString() { return "Verified[" + envelope + ", " + body.length + " body bytes]"; }
}
