package io.edgemesh.orchestrator.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Warm chat load through a running local edge ({@code POST /v1/chat}), open model: requests start at a
 * fixed arrival rate whatever the server does (one virtual thread each), and latency is measured from
 * the request's scheduled start, so a stalled server cannot hide its queue (no coordinated omission).
 *
 * <p>"Warm": every visitor session is opened before measuring (first message, token kept and renewed
 * from each answer), the JIT and the index cache are warmed by a run at the lowest rate, and the
 * questions are answerable from the tenant's document (a reply without a citation is counted apart). The per-session limit (60/min) is respected by
 * spreading requests over {@code --sessions} sessions; the per-IP and per-tenant limits must be raised
 * for one client address to reach 200/s ({@code EDGEMESH_RATE_IP_PER_MINUTE} in the edge's environment,
 * {@code limits.requestsPerMinute} by {@code --admin-token}), otherwise the run measures 429s.
 *
 * <p>Run (after {@code test-compile} of functions/orchestrator):
 * {@code java -cp <test classpath> io.edgemesh.orchestrator.eval.WarmChatLoad --url http://127.0.0.1:18787
 * --key pk_... --origin http://127.0.0.1:18787 [--admin-token adm_... --tenant demo] [--rates 50,100,200]
 * [--seconds 60] [--warmup 20] [--warmup-rate 10] [--pause 10] [--sessions 400] [--out target/eval/warm-chat-load.md]}
 */
public final class WarmChatLoad {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> QUESTIONS = List.of(
            "How long do card refunds take to reach my card?",
            "Can I return a tent that I used outdoors?",
            "Within how many days can I return an item for a refund?",
            "When do orders leave the warehouse on a business day?",
            "Do returned items need to be in their original packaging?");

    private record Result(long latencyNanos, String outcome) { }

    private record Phase(int rate, int seconds, List<Result> results, double lateDispatchMs, double loadBefore, double loadAfter) { }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final URI chat;
    private final String key;
    private final String origin;
    private final AtomicReferenceArray<String[]> sessions;

    private WarmChatLoad(String url, String key, String origin, int sessionCount) {
        this.chat = URI.create(url + "/v1/chat");
        this.key = key;
        this.origin = origin;
        this.sessions = new AtomicReferenceArray<>(sessionCount);
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = args(argv);
        String url = required(a, "url");
        int[] rates = Arrays.stream(a.getOrDefault("rates", "50,100,200").split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "20"));
        int warmupRate = Integer.parseInt(a.getOrDefault("warmup-rate", "10"));
        int pause = Integer.parseInt(a.getOrDefault("pause", "10"));
        WarmChatLoad load = new WarmChatLoad(url, required(a, "key"), required(a, "origin"),
                Integer.parseInt(a.getOrDefault("sessions", "400")));
        if (a.containsKey("admin-token")) {
            load.raiseTenantLimit(url, a.get("admin-token"), a.getOrDefault("tenant", "demo"),
                    Integer.parseInt(a.getOrDefault("tenant-rpm", "100000")));
        }
        load.openSessions();
        if (warmup > 0) {
            Phase w = load.run(warmupRate, warmup);
            System.out.println("warm-up: " + summary(w));
        }
        List<Phase> phases = new ArrayList<>();
        for (int rate : rates) {
            Thread.sleep(pause * 1000L); // let the previous phase's stragglers and the server's queues drain
            Phase p = load.run(rate, seconds);
            phases.add(p);
            System.out.println(summary(p));
        }
        String report = report(phases, url);
        System.out.println(report);
        Path out = Path.of(a.getOrDefault("out", "target/eval/warm-chat-load.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
    }

    /** The tenant's own bucket would otherwise cap the whole run at its requestsPerMinute. */
    private void raiseTenantLimit(String url, String adminToken, String tenant, int perMinute) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url + "/admin/tenants/" + tenant)).timeout(REQUEST_TIMEOUT)
                .header("authorization", "Bearer " + adminToken).header("content-type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"limits\":{\"requestsPerMinute\":" + perMinute + "}}")).build();
        HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) throw new IllegalStateException("raising the tenant limit failed: " + res.statusCode() + " " + res.body());
        System.out.println("tenant " + tenant + ": limits.requestsPerMinute = " + perMinute);
    }

    /** One first message per session (a few at a time), keeping the session id and token. */
    private void openSessions() throws InterruptedException {
        int n = sessions.length();
        CountDownLatch done = new CountDownLatch(n);
        java.util.concurrent.Semaphore parallel = new java.util.concurrent.Semaphore(8);
        for (int i = 0; i < n; i++) {
            int slot = i;
            parallel.acquire();
            Thread.startVirtualThread(() -> {
                try {
                    for (int attempt = 0; attempt < 5 && sessions.get(slot) == null; attempt++) {
                        Result r = send(slot, QUESTIONS.get(slot % QUESTIONS.size()), System.nanoTime());
                        if (!r.outcome().equals("200")) Thread.sleep(1000);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    parallel.release();
                    done.countDown();
                }
            });
        }
        done.await();
        long open = java.util.stream.IntStream.range(0, n).filter(i -> sessions.get(i) != null).count();
        System.out.println("sessions opened: " + open + "/" + n);
        if (open < n) throw new IllegalStateException("could not open every session; is the tenant ready and the limit raised?");
    }

    private Phase run(int rate, int seconds) throws InterruptedException {
        int total = rate * seconds;
        long interval = 1_000_000_000L / rate;
        Result[] results = new Result[total];
        CountDownLatch done = new CountDownLatch(total);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long lateSum = 0;
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
            lateSum += System.nanoTime() - scheduled;
            int n = i;
            Thread.startVirtualThread(() -> {
                try {
                    results[n] = send(n % sessions.length(), QUESTIONS.get(n % QUESTIONS.size()), scheduled);
                } finally {
                    done.countDown();
                }
            });
        }
        if (!done.await(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) throw new IllegalStateException("requests still running");
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new Phase(rate, seconds, List.of(results), lateSum / 1e6 / total, loadBefore, loadAfter);
    }

    /** Sends one message in session {@code slot}; latency counts from {@code scheduledNanos}. */
    private Result send(int slot, String message, long scheduledNanos) {
        String[] s = sessions.get(slot);
        Map<String, Object> body = new LinkedHashMap<>();
        if (s != null) body.put("sessionId", s[0]);
        body.put("message", message);
        body.put("locale", "en");
        HttpRequest.Builder b = HttpRequest.newBuilder(chat).timeout(REQUEST_TIMEOUT)
                .header("content-type", "application/json").header("X-EdgeMesh-Key", key).header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.writeBytes(body)));
        if (s != null) b.header("authorization", "Bearer " + s[1]);
        try {
            HttpResponse<byte[]> res = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            long latency = System.nanoTime() - scheduledNanos;
            String outcome = Integer.toString(res.statusCode());
            if (res.statusCode() == 200) {
                JsonNode n = Json.parse(res.body());
                sessions.set(slot, new String[] {n.path("sessionId").asText(), n.path("sessionToken").asText()});
                if (n.path("citations").isEmpty()) outcome = "200 without citation";
            } else if (res.statusCode() != 429) {
                outcome += " " + Json.parse(res.body()).path("error").path("code").asText("?");
            }
            return new Result(latency, outcome);
        } catch (IOException | RuntimeException e) {
            return new Result(System.nanoTime() - scheduledNanos, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(System.nanoTime() - scheduledNanos, "interrupted");
        }
    }

    private static String summary(Phase p) {
        long[] ok = p.results().stream().filter(r -> r.outcome().equals("200")).mapToLong(Result::latencyNanos).sorted().toArray();
        long[] all = p.results().stream().mapToLong(Result::latencyNanos).sorted().toArray();
        Map<String, Long> outcomes = new TreeMap<>();
        p.results().forEach(r -> outcomes.merge(r.outcome(), 1L, Long::sum));
        return String.format(Locale.ROOT,
                "| %d/s | %d s | %d | %s | %s | %s | %s | %s | %s | %.2f ms | %.1f / %.1f |",
                p.rate(), p.seconds(), all.length, outcomes, ms(pct(all, 50)), ms(pct(all, 95)), ms(pct(all, 99)),
                ms(all.length == 0 ? 0 : all[all.length - 1]), ok.length == 0 ? "-" : ms(pct(ok, 95)), p.lateDispatchMs(),
                p.loadBefore(), p.loadAfter());
    }

    private static String report(List<Phase> phases, String url) {
        StringBuilder sb = new StringBuilder();
        sb.append("Warm chat through ").append(url).append(", ").append(Instant.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores\n\n");
        sb.append("| rate | duration | requests | outcomes | p50 | p95 | p99 | max | p95 of 200s | mean dispatch lag | load avg before / after |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Phase p : phases) sb.append(summary(p)).append('\n');
        return sb.toString();
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static Map<String, String> args(String[] argv) {
        Map<String, String> m = new ConcurrentHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            if (!argv[i].startsWith("--")) throw new IllegalArgumentException("expected --name value, got " + argv[i]);
            m.put(argv[i].substring(2), argv[i + 1]);
        }
        return m;
    }

    private static String required(Map<String, String> a, String name) {
        String v = a.get(name);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("--" + name + " is required");
        return v;
    }
}
