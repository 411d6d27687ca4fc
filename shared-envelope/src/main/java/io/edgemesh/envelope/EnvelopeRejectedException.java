package io.edgemesh.envelope;

/**
 * Thrown when an envelope fails verification. The {@link #reason()} is for logs and metrics; the
 * message never contains key material or the expected signature.
 */
public final class EnvelopeRejectedException extends RuntimeException {
    private final RejectReason reason;

    public EnvelopeRejectedException(RejectReason reason, String message) {
        super(reason + ": " + message, null, false, false);
        this.reason = reason;
    }

    public EnvelopeRejectedException(RejectReason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause, false, false);
        this.reason = reason;
    }

    public RejectReason reason() { return reason; }
}
