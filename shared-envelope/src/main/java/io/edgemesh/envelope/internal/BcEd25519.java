package io.edgemesh.envelope.internal;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * BouncyCastle's RFC 8032 code through its key-parameter objects, which are thread-safe and keep
 * the decoded public point, so nothing is re-derived per call.
 */
final class BcEd25519 {
    private BcEd25519() { }

    static byte[] publicKeyOf(byte[] seed) {
        return new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
    }

    static final class Signer {
        private final Ed25519PrivateKeyParameters key;

        Signer(byte[] seed) {
            this.key = new Ed25519PrivateKeyParameters(seed, 0);
            key.generatePublicKey(); // derived once and cached by the key object, not per signature
        }

        byte[] sign(byte[] data) {
            byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
            key.sign(Ed25519.Algorithm.Ed25519, null, data, 0, data.length, sig, 0);
            return sig;
        }
    }

    static final class Verifier {
        private final Ed25519PublicKeyParameters key;

        Verifier(byte[] raw) {
            this.key = new Ed25519PublicKeyParameters(raw, 0);
        }

        boolean verify(byte[] data, byte[] signature) {
            if (signature.length != Ed25519.SIGNATURE_SIZE) return false;
            return key.verify(Ed25519.Algorithm.Ed25519, null, data, 0, data.length, signature, 0);
        }
    }
}
