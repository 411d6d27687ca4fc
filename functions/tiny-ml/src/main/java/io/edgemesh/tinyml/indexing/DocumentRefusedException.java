package io.edgemesh.tinyml.indexing;

/**
 * The document must not be indexed: not tagged {@code scan-status=CLEAN}, changed since it was scanned,
 * too large, or outside the tenant's uploads. Never retried into success; the message goes to the DLQ
 * for an operator.
 */
public final class DocumentRefusedException extends RuntimeException {
    public DocumentRefusedException(String message) {
        super(message);
    }
}
