package io.edgemesh.envelope.internal;

import io.edgemesh.envelope.Algorithm;
import io.edgemesh.envelope.Ed25519Provider;
import io.edgemesh.envelope.Ed25519PublicKeys;
import io.edgemesh.envelope.Ed25519SigningKey;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HashMap;
import java.util.Map;

/**
 * Ed25519 signing and verifying with either provider. BouncyCastle types live only in
 * {@link BcEd25519}, so this class loads without BouncyCastle on the class path.
 */
public final class Ed25519Schemes {
    private Ed25519Schemes() { }

    public static SigningScheme signing(Ed25519SigningKey key, Ed25519Provider provider) {
        String kid = key.keyId();
        SigningScheme.Key k = switch (provider) {
            case BOUNCY_CASTLE -> {
                BcEd25519.Signer s = new BcEd25519.Signer(key.seed());
                yield new FixedKey(kid, s::sign);
            }
            case JDK -> {
                PrivateKey pk = Ed25519Codec.jdkPrivateKey(key.seed());
                ThreadLocal<Signature> sig = ThreadLocal.withInitial(Ed25519Schemes::newSignature);
                yield new FixedKey(kid, data -> {
                    try {
                        Signature s = sig.get();
                        s.initSign(pk);
                        s.update(data);
                        return s.sign();
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("Ed25519 signing failed", e);
                    }
                });
            }
        };
        return new SigningScheme() {
            @Override
            public Algorithm algorithm() { return Algorithm.ED25519; }

            @Override
            public Key current() { return k; }
        };
    }

    public static VerifyingScheme verifying(Ed25519PublicKeys keys, Ed25519Provider provider) {
        return switch (provider) {
            case BOUNCY_CASTLE -> {
                Map<String, BcEd25519.Verifier> byKid = new HashMap<>();
                for (String kid : keys.keyIds()) byKid.put(kid, new BcEd25519.Verifier(keys.key(kid).orElseThrow()));
                yield (keyId, data, signature) -> {
                    BcEd25519.Verifier v = byKid.get(keyId);
                    if (v == null) return VerifyingScheme.Result.UNKNOWN_KEY;
                    return v.verify(data, signature) ? VerifyingScheme.Result.VALID : VerifyingScheme.Result.INVALID;
                };
            }
            case JDK -> {
                Map<String, PublicKey> byKid = new HashMap<>();
                for (String kid : keys.keyIds()) byKid.put(kid, Ed25519Codec.jdkPublicKey(keys.key(kid).orElseThrow()));
                ThreadLocal<Signature> sig = ThreadLocal.withInitial(Ed25519Schemes::newSignature);
                yield (keyId, data, signature) -> {
                    PublicKey pk = byKid.get(keyId);
                    if (pk == null) return VerifyingScheme.Result.UNKNOWN_KEY;
                    if (signature.length != 64) return VerifyingScheme.Result.INVALID;
                    try {
                        Signature s = sig.get();
                        s.initVerify(pk);
                        s.update(data);
                        return s.verify(signature) ? VerifyingScheme.Result.VALID : VerifyingScheme.Result.INVALID;
                    } catch (GeneralSecurityException e) {
                        return VerifyingScheme.Result.INVALID;
                    }
                };
            }
        };
    }

    static byte[] bcPublicKeyOf(byte[] seed) {
        return BcEd25519.publicKeyOf(seed);
    }

    private static Signature newSignature() {
        try {
            return Signature.getInstance("Ed25519");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    private interface SignFn {
        byte[] sign(byte[] data);
    }

    private record FixedKey(String keyId, SignFn fn) implements SigningScheme.Key {
        @Override
        public byte[] sign(byte[] data) { return fn.sign(data); }
    }
}
