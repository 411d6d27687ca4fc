package io.edgemesh.widget.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.edgemesh.common.Json;
import io.edgemesh.common.log.Log;
import io.edgemesh.emulators.Emulators;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.Names;
import io.edgemesh.widget.IngressHandlerAccess;
import io.edgemesh.widget.internal.ratelimit.DynamoRateLimiter;
import io.edgemesh.widget.internal.ratelimit.Limit;
import io.edgemesh.widget.support.Fixtures;
import io.edgemesh.widget.support.TestIngress;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Layer 1's own cost per request, without the layers behind it: the function-URL event through
 * routing, key and origin check, CORS, session-token verify and re-issue, rate-limit arithmetic and
 * JSON, with the firewall and orchestrator answering from memory. With {@code dynamo}, also one
 * chat's three token-bucket updates on DynamoDB Local. Prints a Markdown table row per case.
 *
 * <p>Run: {@code java -cp <test classpath> io.edgemesh.widget.bench.IngressHarness [iterations] [dynamo]}.
 */
public final class IngressHarness {

    private IngressHarness() { }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        boolean dynamo = Arrays.asList(args).contains("dynamo");
        Log.setOutput(line -> { }); // request logs would dominate the measurement
        TestIngress t = new TestIngress();
        t.tenants.publishable("pk_test_shop", new io.edgemesh.widget.internal.Tenant("shop", "publishable", false,
                List.of("https://shop.example"), 100_000_000));
        t.layers.answer("firewall", "check", 200, "{\"action\":\"allow\",\"categories\":[],\"scores\":{},\"redactions\":[]}");
        t.layers.answer("orchestrator", "chat", 200, "{\"answer\":\"We open at 9 am [1].\",\"citations\":[{\"documentId\":\"d1\","
                + "\"filename\":\"hours.pdf\",\"page\":2,\"snippet\":\"Opening hours\"}],\"usage\":{\"provider\":\"extractive\"}}");
        var handler = IngressHandlerAccess.handler(t.ingress());

        APIGatewayV2HTTPResponse first = handler.handleRequest(Fixtures.event("chat-first-message"), null);
        var b = Json.parse(first.getBody());
        String body = Json.write(Map.of("sessionId", b.get("sessionId").asText(), "message", "And on Sundays?", "locale", "en"));
        String token = b.get("sessionToken").asText();
        Supplier<APIGatewayV2HTTPEvent> followUp = () -> Fixtures.header(
                Fixtures.body(Fixtures.event("chat-first-message"), body), "authorization", "Bearer " + token);

        System.out.println("| case | iterations | p50 µs | p99 µs | per second (1 thread) |");
        System.out.println("|---|---|---|---|---|");
        // new sessions: the per-session bucket would otherwise refuse the follow-ups after 60
        int[] ip = {0};
        row("chat, first message (token issued)", n, () -> Fixtures.sourceIp(Fixtures.event("chat-first-message"),
                "10." + (++ip[0] >> 16 & 255) + "." + (ip[0] >> 8 & 255) + "." + (ip[0] & 255)), handler::handleRequest);
        row("CORS preflight", n, () -> Fixtures.event("chat-preflight"), handler::handleRequest);
        row("GET /widget.js (gzip)", n, () -> Fixtures.event("widget-js"), handler::handleRequest);
        row("secret-key route forwarded", n, () -> Fixtures.event("guard-secret-key"), (e, c) -> {
            t.layers.answer("firewall", "guard", 200, "{}");
            return handler.handleRequest(e, c);
        });
        if (dynamo) {
            Emulators em = Emulators.shared();
            String table = em.provision(Names.DEFAULT_PREFIX).table(EdgeMeshResources.RATE_LIMITS.name());
            DynamoRateLimiter limiter = new DynamoRateLimiter(em.dynamoDb(), table, Clock.systemUTC());
            String tenant = "bench" + UUID.randomUUID().toString().substring(0, 6);
            int m = Math.min(n, 2_000);
            long[] times = new long[m];
            for (int i = -200; i < m; i++) {
                long s = System.nanoTime();
                limiter.acquire(List.of(Limit.of(tenant, "session", "s" + (i & 7), 1_000_000),
                        Limit.of(tenant, "ip", "203.0.113.7", 1_000_000), Limit.of(tenant, "tenant", "all", 1_000_000)));
                if (i >= 0) times[i] = System.nanoTime() - s;
            }
            print("3 token buckets on DynamoDB Local", m, times);
        }
        System.exit(0);
    }

    interface Call {
        APIGatewayV2HTTPResponse apply(APIGatewayV2HTTPEvent e, com.amazonaws.services.lambda.runtime.Context c);
    }

    private static void row(String name, int n, Supplier<APIGatewayV2HTTPEvent> events, Call call) {
        APIGatewayV2HTTPEvent[] evs = new APIGatewayV2HTTPEvent[n];
        for (int i = 0; i < n; i++) evs[i] = events.get();
        for (int i = 0; i < Math.min(n, 5_000); i++) call.apply(events.get(), null); // warm-up
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            APIGatewayV2HTTPResponse r = call.apply(evs[i], null);
            times[i] = System.nanoTime() - s;
            if (r.getStatusCode() >= 300) throw new IllegalStateException(name + " answered " + r.getStatusCode() + " " + r.getBody());
        }
        print(name, n, times);
    }

    private static void print(String name, int n, long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        double p50 = sorted[n / 2] / 1000.0;
        double p99 = sorted[(int) (n * 0.99)] / 1000.0;
        double total = Arrays.stream(times).sum() / 1e9;
        System.out.printf("| %s | %d | %.0f | %.0f | %.0f |%n", name, n, p50, p99, n / total);
    }
}
