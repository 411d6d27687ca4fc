package io.edgemesh.analysis.internal;

/**
 * The scan could not reach a verdict this time (clamd down, timeout, S3 unavailable): the message
 * fails and the queue delivers it again; after the last delivery the ERROR is recorded, the
 * document is marked failed and the message goes to the DLQ.
 */
public final class ScanRetryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScanRetryException(String message) {
        super(message);
    }
}
