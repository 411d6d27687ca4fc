package io.edgemesh.analysis.scan;

import java.io.IOException;

/**
 * Where a scanner gets the document's bytes. Reading is deferred so a scanner can refuse an
 * oversized object from its metadata without downloading it; implementations read at most
 * {@code maxBytes} and fail with {@link ContentTooLargeException} beyond that.
 */
@FunctionalInterface
public interface ContentSource {

    byte[] read(long maxBytes) throws IOException;

    static ContentSource of(byte[] bytes) {
        return max -> {
            if (bytes.length > max) throw new ContentTooLargeException(bytes.length, max);
            return bytes;
        };
    }

    /** The object grew past the limit between the size check and the read (or had no known size). */
    final class ContentTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        public ContentTooLargeException(long size, long max) {
            super("content exceeds " + max + " bytes" + (size >= 0 ? " (" + size + ")" : ""));
        }
    }
}
