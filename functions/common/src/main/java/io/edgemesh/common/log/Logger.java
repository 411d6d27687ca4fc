package io.edgemesh.common.log;

import com.fasterxml.jackson.core.JsonGenerator;
import io.edgemesh.common.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;

/**
 * Writes one JSON object per line: {@code timestamp}, {@code level}, {@code logger}, {@code message},
 * the ids of the current {@link LogContext} ({@code function}, {@code tenantId}, {@code requestId},
 * {@code traceId}) and the caller's key-value pairs. CloudWatch Logs Insights reads these fields
 * directly. Never pass raw prompts, document text or personal data as values.
 *
 * <p>Obtain one with {@link Log#get(Class)}. Key-value pairs alternate: {@code "documentId", id, "bytes", n}.
 */
public final class Logger {
    private static final int MAX_STACK_FRAMES = 12;
    private final String name;

    Logger(String name) { this.name = name; }

    public String name() { return name; }

    public boolean isEnabled(Level level) { return level.compareTo(Log.level()) >= 0; }

    public void debug(String message, Object... kv) { log(Level.DEBUG, message, null, kv); }

    public void info(String message, Object... kv) { log(Level.INFO, message, null, kv); }

    public void warn(String message, Object... kv) { log(Level.WARN, message, null, kv); }

    public void warn(String message, Throwable error, Object... kv) { log(Level.WARN, message, error, kv); }

    public void error(String message, Throwable error, Object... kv) { log(Level.ERROR, message, error, kv); }

    public void log(Level level, String message, Throwable error, Object... kv) {
        if (!isEnabled(level)) return;
        Log.emit(format(level, message, error, kv));
    }

    String format(Level level, String message, Throwable error, Object... kv) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("timestamp", Instant.now().toString());
            g.writeStringField("level", level.name());
            g.writeStringField("logger", name);
            g.writeStringField("message", message);
            LogContext.Values ctx = LogContext.current();
            field(g, "function", ctx.function());
            field(g, "tenantId", ctx.tenantId());
            field(g, "requestId", ctx.requestId());
            field(g, "traceId", ctx.traceId());
            if (kv != null) {
                for (int i = 0; i + 1 < kv.length; i += 2) {
                    String key = String.valueOf(kv[i]);
                    if (isReserved(key)) key = "kv." + key;
                    g.writeFieldName(key);
                    writeValue(g, kv[i + 1]);
                }
                if (kv.length % 2 == 1) {
                    g.writeStringField("kv.unpaired", String.valueOf(kv[kv.length - 1]));
                }
            }
            if (error != null) {
                g.writeStringField("error", error.getClass().getName());
                field(g, "errorMessage", error.getMessage());
                g.writeStringField("stack", stack(error));
            }
            g.writeEndObject();
        } catch (IOException e) {
            // A StringWriter cannot fail; keep the line rather than lose it.
            return "{\"level\":\"" + level + "\",\"logger\":\"" + name + "\",\"message\":\"log formatting failed\"}";
        }
        return out.toString();
    }

    private static boolean isReserved(String key) {
        return switch (key) {
            case "timestamp", "level", "logger", "message", "function", "tenantId", "requestId", "traceId",
                 "error", "errorMessage", "stack" -> true;
            default -> false;
        };
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) g.writeStringField(name, value);
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            g.writeNumber(((Number) v).doubleValue());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            try {
                Json.MAPPER.writeValue(g, v);
            } catch (IOException | RuntimeException e) {
                g.writeString(String.valueOf(v));
            }
        }
    }

    private static String stack(Throwable t) {
        StringBuilder sb = new StringBuilder();
        Throwable cur = t;
        int depth = 0;
        while (cur != null && depth < 4) {
            if (depth > 0) sb.append("\ncaused by ").append(cur.getClass().getName()).append(": ").append(cur.getMessage());
            StackTraceElement[] frames = cur.getStackTrace();
            for (int i = 0; i < Math.min(MAX_STACK_FRAMES, frames.length); i++) sb.append("\n\tat ").append(frames[i]);
            if (frames.length > MAX_STACK_FRAMES) sb.append("\n\t... ").append(frames.length - MAX_STACK_FRAMES).append(" more");
            cur = cur.getCause() == cur ? null : cur.getCause();
            depth++;
        }
        return sb.toString();
    }
}
