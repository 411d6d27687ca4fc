package io.edgemesh.envelope;

/**
 * Which implementation computes Ed25519. Both produce identical signatures (RFC 8032 is
 * deterministic); they differ only in speed, measured in BENCHMARKS.md ("Envelope (JMH)").
 */
public enum Ed25519Provider {
    /** The JDK's SunEC provider through {@code java.security.Signature}. Always available. */
    JDK,
    /** BouncyCastle's low-level RFC 8032 code; needs {@code org.bouncycastle:bcprov-jdk18on}. */
    BOUNCY_CASTLE;

    /** BouncyCastle when it is on the class path (it measured faster), otherwise the JDK. */
    public static Ed25519Provider fastestAvailable() {
        try {
            Class.forName("org.bouncycastle.math.ec.rfc8032.Ed25519", false, Ed25519Provider.class.getClassLoader());
            return BOUNCY_CASTLE;
        } catch (ClassNotFoundException | LinkageError e) {
            return JDK;
        }
    }
}
