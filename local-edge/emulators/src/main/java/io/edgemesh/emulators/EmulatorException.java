package io.edgemesh.emulators;

/**
 * The embedded servers could not start or be provisioned. {@link #reason()} lets a host map the
 * failure to an exit code; the message names the port or folder and says what to do.
 */
public final class EmulatorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why starting failed. */
    public enum Reason {
        /** A fixed port is taken by another process. */
        PORT_IN_USE,
        /** Another instance holds the data folder's lock. */
        DATA_DIR_LOCKED,
        /** The data folder cannot be created, read or written. */
        DATA_DIR_UNUSABLE,
        /** The module's runtime classpath is missing (not built or installed). */
        NOT_BUILT,
        /** A server process failed or did not become ready in time. */
        START_FAILED,
        /** Creating tables, queues or buckets failed. */
        PROVISION_FAILED
    }

    private final Reason reason;

    public EmulatorException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public EmulatorException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
