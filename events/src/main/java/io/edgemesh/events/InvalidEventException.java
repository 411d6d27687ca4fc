package io.edgemesh.events;

/**
 * A queue message that is not a valid EdgeMesh event. Consumers treat it as a poison message: report
 * it as a batch item failure so the queue redrives it to its DLQ, never drop it silently.
 */
public final class InvalidEventException extends RuntimeException {

    /** Why the message was rejected, machine-readable for logs and metrics. */
    public enum Reason {
        /** Not JSON, not a CloudEvents 1.0 JSON event, or missing a required attribute. */
        MALFORMED,
        /** A {@code type} that the registry does not know (or not the one the consumer expects). */
        UNKNOWN_TYPE,
        /** The data is missing, not JSON, or does not bind to the type's record. */
        INVALID_DATA,
        /** The {@code subject} does not name the tenant (and document) that the data names. */
        SUBJECT_MISMATCH
    }

    private final Reason reason;

    public InvalidEventException(Reason reason, String message) {
        this(reason, message, null);
    }

    public InvalidEventException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}
