package io.edgemesh.common.metrics;

import com.fasterxml.jackson.core.JsonGenerator;
import io.edgemesh.common.Json;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.LogContext;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CloudWatch embedded metric format (EMF): metrics written as one structured log line that
 * CloudWatch turns into metrics without an API call on the request path. Namespace {@code EdgeMesh},
 * dimension set {@code [Function, TenantId]}, so every figure can be cut per tenant.
 *
 * <pre>{@code
 * Metrics m = Metrics.begin("indexer", tenantId);
 * m.count("ChunksIndexed", 42);
 * m.millis("EmbeddingTime", 180);
 * m.flush();   // one EMF line on stdout
 * }</pre>
 *
 * One instance per unit of work; not thread-safe. Repeated values of one metric are kept as an
 * array (EMF allows up to 100 per metric), which CloudWatch aggregates.
 */
public final class Metrics {
    public static final String NAMESPACE = "EdgeMesh";
    /** Tenant dimension value when the tenant is not (yet) known, e.g. an unparseable message. */
    public static final String UNKNOWN_TENANT = "unknown";
    static final int MAX_METRICS = 100;
    static final int MAX_VALUES = 100;
    private static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_.-]{0,254}$");

    public enum Unit {
        COUNT("Count"), MILLISECONDS("Milliseconds"), BYTES("Bytes"), NONE("None");

        private final String emf;

        Unit(String emf) { this.emf = emf; }

        public String emfName() { return emf; }
    }

    private record Metric(Unit unit, List<Double> values) { }

    private final String function;
    private final String tenantId;
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final Map<String, Object> properties = new LinkedHashMap<>();

    private Metrics(String function, String tenantId) {
        this.function = function == null || function.isBlank() ? "unknown" : function;
        this.tenantId = tenantId == null || tenantId.isBlank() ? UNKNOWN_TENANT : tenantId;
    }

    public static Metrics begin(String function, String tenantId) { return new Metrics(function, tenantId); }

    /** Function and tenant from the current {@link LogContext}. */
    public static Metrics fromContext() {
        LogContext.Values c = LogContext.current();
        return new Metrics(c.function(), c.tenantId());
    }

    public Metrics count(String name) { return put(name, Unit.COUNT, 1); }

    public Metrics count(String name, long n) { return put(name, Unit.COUNT, n); }

    public Metrics millis(String name, long ms) { return put(name, Unit.MILLISECONDS, ms); }

    public Metrics put(String name, Unit unit, double value) {
        if (!NAME.matcher(name).matches()) throw new IllegalArgumentException("bad metric name: " + name);
        if (Double.isNaN(value) || Double.isInfinite(value)) return this; // CloudWatch rejects the whole line
        Metric m = metrics.get(name);
        if (m == null) {
            if (metrics.size() >= MAX_METRICS) return this;
            m = new Metric(unit, new ArrayList<>(2));
            metrics.put(name, m);
        } else if (m.unit() != unit) {
            throw new IllegalArgumentException("metric " + name + " already has unit " + m.unit());
        }
        if (m.values().size() < MAX_VALUES) m.values().add(value);
        return this;
    }

    /** A searchable property on the line that is not a dimension (e.g. {@code documentId}). */
    public Metrics property(String key, Object value) {
        if (value != null && !key.equals("_aws") && !key.equals("Function") && !key.equals("TenantId")
                && !metrics.containsKey(key)) {
            properties.put(key, value);
        }
        return this;
    }

    public boolean isEmpty() { return metrics.isEmpty(); }

    /** The EMF line for what was recorded so far, at {@code timestampMillis}. */
    public String toEmf(long timestampMillis) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("_aws");
            g.writeNumberField("Timestamp", timestampMillis);
            g.writeArrayFieldStart("CloudWatchMetrics");
            g.writeStartObject();
            g.writeStringField("Namespace", NAMESPACE);
            g.writeArrayFieldStart("Dimensions");
            g.writeStartArray();
            g.writeString("Function");
            g.writeString("TenantId");
            g.writeEndArray();
            g.writeEndArray();
            g.writeArrayFieldStart("Metrics");
            for (var e : metrics.entrySet()) {
                g.writeStartObject();
                g.writeStringField("Name", e.getKey());
                g.writeStringField("Unit", e.getValue().unit().emfName());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeStringField("Function", function);
            g.writeStringField("TenantId", tenantId);
            for (var e : metrics.entrySet()) {
                List<Double> v = e.getValue().values();
                g.writeFieldName(e.getKey());
                if (v.size() == 1) {
                    writeNumber(g, v.get(0));
                } else {
                    g.writeStartArray();
                    for (double d : v) writeNumber(g, d);
                    g.writeEndArray();
                }
            }
            LogContext.Values ctx = LogContext.current();
            if (ctx.requestId() != null) properties.putIfAbsent("requestId", ctx.requestId());
            if (ctx.traceId() != null) properties.putIfAbsent("traceId", ctx.traceId());
            for (var e : properties.entrySet()) {
                g.writeFieldName(e.getKey());
                Json.MAPPER.writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write EMF", e);
        }
        return out.toString();
    }

    /** Writes one EMF line (nothing when no metric was recorded) and starts over. */
    public void flush() {
        if (metrics.isEmpty()) return;
        Log.emit(toEmf(System.currentTimeMillis()));
        metrics.clear();
    }

    private static void writeNumber(JsonGenerator g, double d) throws IOException {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) g.writeNumber((long) d);
        else g.writeNumber(d);
    }
}
