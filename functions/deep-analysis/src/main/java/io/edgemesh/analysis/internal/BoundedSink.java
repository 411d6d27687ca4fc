package io.edgemesh.analysis.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * An output stream that counts what a decoder writes and fails once {@code cap} bytes are
 * exceeded; it keeps the bytes only when asked to, so counting a stream's size costs no memory.
 */
final class BoundedSink extends OutputStream {
    private final long cap;
    private final ByteArrayOutputStream kept;
    private long count;

    BoundedSink(long cap, boolean keep) {
        this.cap = cap;
        this.kept = keep ? new ByteArrayOutputStream() : null;
    }

    @Override
    public void write(int b) {
        ensure(1);
        if (kept != null) kept.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        if (kept != null) kept.write(b, off, len);
    }

    private void ensure(int len) {
        count += len;
        if (count > cap) throw new LimitExceeded("decoded data exceeds " + cap + " bytes");
    }

    long count() {
        return count;
    }

    /** The bytes written so far (empty when not keeping). */
    byte[] bytes() {
        return kept == null ? new byte[0] : kept.toByteArray();
    }

    static boolean looksLikeZlib(byte[] b, int off, int len) {
        if (len < 2) return false;
        int cmf = b[off] & 0xFF;
        int flg = b[off + 1] & 0xFF;
        return (cmf & 0x0F) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0;
    }

    static byte[] head(byte[] b, int len) {
        return Arrays.copyOf(b, Math.min(len, b.length));
    }
}
