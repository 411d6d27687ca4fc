package io.edgemesh.llm.provider;

/**
 * A provider call failed. {@code retryable} failures (timeouts, 429, 5xx, connection resets) may be
 * retried and fall back to the next route; others (400, 401, 404) are the route's own fault and
 * only fall back.
 */
public class ProviderException extends RuntimeException {
    private final boolean retryable;
    private final int status;

    public ProviderException(String message, boolean retryable, int status, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.status = status;
    }

    public ProviderException(String message, boolean retryable, int status) {
        this(message, retryable, status, null);
    }

    public boolean retryable() { return retryable; }

    /** HTTP status from the provider, or 0 for transport failures and timeouts. */
    public int status() { return status; }
}
