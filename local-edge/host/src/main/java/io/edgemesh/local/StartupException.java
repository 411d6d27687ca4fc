package io.edgemesh.local;

/**
 * The local edge could not start. The message says what happened and what to do; the reason
 * gives the process exit code, so scripts can tell a busy port from a locked data folder.
 */
public final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        USAGE(2), PORT_IN_USE(3), DATA_DIR_UNUSABLE(4), DATA_DIR_LOCKED(5), EMULATORS_FAILED(6), FAILED(1);

        private final int exitCode;

        Reason(int exitCode) { this.exitCode = exitCode; }

        public int exitCode() { return exitCode; }
    }

    private final Reason reason;

    public StartupException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StartupException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}
