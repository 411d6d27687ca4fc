package io.edgemesh.envelope.internal;

/** The verifying half of an algorithm. */
public interface VerifyingScheme {

    enum Result { VALID, UNKNOWN_KEY, INVALID }

    /** Constant-time with respect to the signature bytes. */
    Result verify(String keyId, byte[] data, byte[] signature);
}
