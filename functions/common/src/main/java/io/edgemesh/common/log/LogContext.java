package io.edgemesh.common.log;

/**
 * Who a log line (and a metric) is about: function, tenant, request and trace, held per thread so
 * that domain code logs without passing ids around. Scopes nest and restore the outer context when
 * closed, which keeps ids from leaking between requests that reuse a thread (Lambda reuses one).
 *
 * <pre>{@code
 * try (var scope = LogContext.with(tenantId, requestId, traceId)) {
 *     domain.handle(...);   // every line carries tenantId, requestId, traceId
 * }
 * }</pre>
 */
public final class LogContext {

    /** An immutable snapshot; null fields are left out of log lines. */
    public record Values(String function, String tenantId, String requestId, String traceId) {
        static final Values EMPTY = new Values(null, null, null, null);
    }

    /** Closing restores the context that was current when the scope was opened. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static final ThreadLocal<Values> CURRENT = ThreadLocal.withInitial(() -> Values.EMPTY);

    private LogContext() { }

    public static Values current() { return CURRENT.get(); }

    /** Sets tenant, request and trace ids; keeps the current function name. */
    public static Scope with(String tenantId, String requestId, String traceId) {
        Values c = CURRENT.get();
        return push(new Values(c.function(), tenantId, requestId, traceId));
    }

    /** Sets the function name (a handler does it once per invocation); keeps the other ids. */
    public static Scope withFunction(String function) {
        Values c = CURRENT.get();
        return push(new Values(function, c.tenantId(), c.requestId(), c.traceId()));
    }

    /** Sets the tenant once it is known (e.g. after a queue message is parsed); keeps the other ids. */
    public static Scope withTenant(String tenantId) {
        Values c = CURRENT.get();
        return push(new Values(c.function(), tenantId, c.requestId(), c.traceId()));
    }

    public static Scope with(Values values) {
        return push(values == null ? Values.EMPTY : values);
    }

    /**
     * The trace id of a W3C {@code traceparent} ({@code 00-<32 hex>-<16 hex>-<2 hex>}), or null when
     * it is absent or malformed (a bad header must not break logging).
     */
    public static String traceIdOf(String traceparent) {
        if (traceparent == null || traceparent.length() < 55) return null;
        String[] parts = traceparent.trim().split("-");
        if (parts.length < 4 || parts[1].length() != 32 || !parts[1].matches("[0-9a-f]{32}")) return null;
        return parts[1];
    }

    private static Scope push(Values next) {
        Values previous = CURRENT.get();
        CURRENT.set(next);
        return () -> CURRENT.set(previous);
    }
}
