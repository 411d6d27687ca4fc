package io.edgemesh.local.internal;

import io.edgemesh.routes.QueueDef;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What {@code GET /health} reports: every embedded server, every queue's depth and its
 * dead-letter queue's depth, every function (loaded, not built, failed to start), the pollers and
 * the build version. Healthy (200) when every server is up; missing functions are reported but do
 * not make the edge unhealthy, because the mesh is built incrementally.
 */
public final class HealthReport {

    public record Snapshot(boolean healthy, Map<String, Object> body) { }

    private final Supplier<Map<String, Object>> servers;
    private final SqsClient sqs;
    private final List<QueueDef> queues;
    private final Map<String, String> queueUrls;
    private final Map<String, FunctionInstance> functions;
    private final Supplier<List<SqsEventSource>> pollers;
    private final ExecutorService executor;
    private final Instant started;
    private final String prefix;

    public HealthReport(Supplier<Map<String, Object>> servers, SqsClient sqs, List<QueueDef> queues,
                        Map<String, String> queueUrls, Map<String, FunctionInstance> functions,
                        Supplier<List<SqsEventSource>> pollers, ExecutorService executor, Instant started, String prefix) {
        this.servers = servers;
        this.sqs = sqs;
        this.queues = List.copyOf(queues);
        this.queueUrls = Map.copyOf(queueUrls);
        this.functions = functions;
        this.pollers = pollers;
        this.executor = executor;
        this.started = started;
        this.prefix = prefix;
    }

    public Snapshot snapshot() {
        Map<String, Object> serverMap = servers.get();
        boolean healthy = !serverMap.isEmpty() && serverMap.values().stream()
                .allMatch(v -> v instanceof Map<?, ?> m && "up".equals(m.get("status")));

        Map<String, CompletableFuture<Map<String, Object>>> depths = new LinkedHashMap<>();
        for (QueueDef q : queues) {
            depths.put(q.name(), CompletableFuture.supplyAsync(() -> queueEntry(q), executor));
        }
        Map<String, Object> queueMap = new LinkedHashMap<>();
        depths.forEach((name, f) -> queueMap.put(name, f.join()));

        Map<String, Object> functionMap = new LinkedHashMap<>();
        functions.values().forEach(f -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", switch (f.status()) {
                case LOADED -> "loaded";
                case NOT_BUILT -> "missing";
                case FAILED -> "failed";
            });
            entry.put("layer", f.def().layer().id());
            if (f.problem() != null) entry.put("problem", f.problem());
            functionMap.put(f.name(), entry);
        });

        List<Map<String, Object>> pollerList = new ArrayList<>();
        for (SqsEventSource p : pollers.get()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("queue", p.queueName());
            entry.put("function", p.functionName());
            entry.put("batches", p.batchesInvoked());
            entry.put("failedBatches", p.batchesFailed());
            pollerList.add(entry);
        }

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", healthy ? "up" : "down");
        body.put("version", version());
        body.put("prefix", prefix);
        body.put("uptimeSeconds", Duration.between(started, Instant.now()).toSeconds());
        body.put("servers", serverMap);
        body.put("queues", queueMap);
        body.put("functions", functionMap);
        body.put("pollers", pollerList);
        return new Snapshot(healthy, body);
    }

    private Map<String, Object> queueEntry(QueueDef q) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("fifo", q.fifo());
        entry.put("maxReceiveCount", q.maxReceiveCount());
        try {
            Map<QueueAttributeName, String> main = attributes(queueUrls.get(q.name()));
            entry.put("depth", number(main.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)));
            entry.put("inFlight", number(main.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)));
            Map<QueueAttributeName, String> dlq = attributes(queueUrls.get(q.dlqName()));
            entry.put("dlq", q.dlqName());
            entry.put("dlqDepth", number(dlq.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)));
        } catch (RuntimeException e) {
            entry.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return entry;
    }

    private Map<QueueAttributeName, String> attributes(String url) {
        if (url == null) throw new IllegalStateException("queue not provisioned");
        GetQueueAttributesResponse r = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        return r.attributes();
    }

    private static Long number(String s) {
        if (s == null) return null;
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The Maven project version stamped into {@code build.properties} at build time. */
    public static String version() {
        try (InputStream in = HealthReport.class.getResourceAsStream("/io/edgemesh/local/build.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
