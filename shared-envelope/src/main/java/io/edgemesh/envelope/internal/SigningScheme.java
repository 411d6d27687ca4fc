package io.edgemesh.envelope.internal;

import io.edgemesh.envelope.Algorithm;

/** The signing half of an algorithm: which key signs now, and a signature with it. */
public interface SigningScheme {

    Algorithm algorithm();

    /** The key to use for one envelope; taken once so the key id and the signature always agree. */
    Key current();

    interface Key {
        String keyId();

        byte[] sign(byte[] data);
    }
}
