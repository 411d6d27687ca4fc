package io.edgemesh.local.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.edgemesh.common.log.LogContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a handler the way the Lambda runtime does: a fresh {@link Context} per invocation, the
 * function's timeout enforced (the invocation is abandoned and interrupted, and reported as
 * {@code Task timed out}), and an exception turned into Lambda's error document
 * ({@code errorMessage}, {@code errorType}, {@code stackTrace}) instead of escaping to the caller.
 */
public final class Invoker {

    /** What an invocation produced: a value, or the error Lambda would report. */
    public record Outcome<T>(T value, Failure failure) {
        public boolean ok() { return failure == null; }
    }

    /** Lambda's error document for an unhandled failure. */
    public record Failure(String errorType, String errorMessage, List<String> stackTrace, boolean timedOut) {
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("errorMessage", errorMessage);
            m.put("errorType", errorType);
            m.put("stackTrace", stackTrace);
            return m;
        }
    }

    @FunctionalInterface
    private interface Body<T> {
        T run(Context context) throws Exception;
    }

    private final ExecutorService executor;
    private final String prefix;
    private final String region;

    public Invoker(ExecutorService executor, String prefix, String region) {
        this.executor = executor;
        this.prefix = prefix;
        this.region = region;
    }

    /** Bytes in, bytes out, as the invoke API carries them; typed handlers go through Lambda's JSON. */
    public Outcome<byte[]> invokeBytes(FunctionInstance f, byte[] payload) {
        return run(f, context -> {
            if (f.handler() instanceof RequestStreamHandler stream) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                stream.handleRequest(new ByteArrayInputStream(payload), out, context);
                return out.toByteArray();
            }
            Object input = payload.length == 0 ? null : LambdaJson.MAPPER.readValue(payload, f.inputType());
            Object result = typed(f).handleRequest(input, context);
            return LambdaJson.MAPPER.writeValueAsBytes(result);
        });
    }

    /**
     * An event object in, a response of {@code responseType} out. A typed handler of that event
     * type gets the object itself; any other handler gets it serialised to Lambda's JSON.
     */
    public <R> Outcome<R> invokeEvent(FunctionInstance f, Object event, Class<R> responseType) {
        if (!f.isStreamHandler() && f.inputType().getRawClass().isInstance(event)) {
            return run(f, context -> {
                Object result = typed(f).handleRequest(event, context);
                return result == null || responseType.isInstance(result)
                        ? responseType.cast(result)
                        : LambdaJson.MAPPER.convertValue(result, responseType);
            });
        }
        byte[] payload;
        try {
            payload = LambdaJson.MAPPER.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + event.getClass().getName(), e);
        }
        Outcome<byte[]> raw = invokeBytes(f, payload);
        if (!raw.ok()) return new Outcome<>(null, raw.failure());
        try {
            byte[] bytes = raw.value();
            R value = bytes.length == 0 ? null : LambdaJson.MAPPER.readValue(bytes, responseType);
            return new Outcome<>(value, null);
        } catch (IOException e) {
            return new Outcome<>(null, new Failure("Runtime.MalformedResponse",
                    "the function's response is not a " + responseType.getSimpleName() + ": " + e.getMessage(), List.of(), false));
        }
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<Object, Object> typed(FunctionInstance f) {
        return (RequestHandler<Object, Object>) f.handler();
    }

    private <T> Outcome<T> run(FunctionInstance f, Body<T> body) {
        if (!f.isLoaded()) throw new IllegalStateException(f.name() + " is not loaded");
        String requestId = UUID.randomUUID().toString();
        Context context = new LocalContext(requestId, f.def(), prefix, region);
        Callable<T> task = () -> {
            try (var scope = LogContext.withFunction(f.name())) {
                return body.run(context);
            }
        };
        Future<T> future = executor.submit(task);
        try {
            return new Outcome<>(future.get(f.def().timeoutSeconds(), TimeUnit.SECONDS), null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Outcome<>(null, new Failure("Sandbox.Timedout", requestId + " Task timed out after "
                    + f.def().timeoutSeconds() + ".00 seconds", List.of(), true));
        } catch (ExecutionException e) {
            return new Outcome<>(null, failure(e.getCause()));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Outcome<>(null, new Failure("Runtime.Interrupted", "the host is shutting down", List.of(), false));
        }
    }

    static Failure failure(Throwable t) {
        List<String> stack = Arrays.stream(t.getStackTrace()).limit(50).map(StackTraceElement::toString).toList();
        return new Failure(t.getClass().getName(), String.valueOf(t.getMessage()), stack, false);
    }
}
