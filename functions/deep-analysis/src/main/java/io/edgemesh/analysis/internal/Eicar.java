package io.edgemesh.analysis.internal;

/**
 * The EICAR anti-virus test signature. It is kept XOR-masked so neither this source file nor the
 * compiled class contains the string itself: antivirus software on developer machines and build
 * caches would otherwise quarantine the repository.
 */
public final class Eicar {
    private static final int MASK = 0x5A;
    private static final byte[] MASKED = {
        2, 111, 21, 123, 10, 127, 26, 27, 10, 1, 110, 6, 10, 0, 2, 111, 110, 114, 10, 4, 115, 109, 25, 25, 115,
        109, 39, 126, 31, 19, 25, 27, 8, 119, 9, 14, 27, 20, 30, 27, 8, 30, 119, 27, 20, 14, 19, 12, 19, 8, 15,
        9, 119, 14, 31, 9, 14, 119, 28, 19, 22, 31, 123, 126, 18, 113, 18, 112};

    /** SHA-256 of the 68-byte test file, the first entry of every blocklist. */
    public static final String SHA256 = "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f";

    private Eicar() { }

    /** A fresh copy of the signature bytes. */
    public static byte[] signature() {
        byte[] b = new byte[MASKED.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (MASKED[i] ^ MASK);
        }
        return b;
    }
}
