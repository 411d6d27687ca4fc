package io.edgemesh.analysis.internal;

/**
 * Thrown from inside a decoder when a byte budget runs out. Unchecked on purpose: PDFBox filters
 * catch and log some {@code IOException}s, and a blown budget must never be swallowed.
 */
final class LimitExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LimitExceeded(String message) {
        super(message, null, false, false);
    }
}
