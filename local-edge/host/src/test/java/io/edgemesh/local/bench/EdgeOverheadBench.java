package io.edgemesh.local.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpServer;
import io.edgemesh.emulators.Emulators;
import io.edgemesh.local.FunctionFactory;
import io.edgemesh.local.LocalEdge;
import io.edgemesh.local.LocalEdgeConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * What the local edge adds to a request, measured against a bare JDK HTTP server answering the
 * same bytes on the same machine with the same client: (a) a function-URL request to an empty
 * ingress handler, (b) a Lambda invoke of an empty stream handler. Sequential requests on one
 * keep-alive connection, after a warm-up.
 *
 * <p>Run: {@code java -cp <test class path> io.edgemesh.local.bench.EdgeOverheadBench [requests]}
 */
public final class EdgeOverheadBench {
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

    /** The empty ingress: a fixed 200 JSON answer. */
    public static final class EmptyIngress implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, com.amazonaws.services.lambda.runtime.Context c) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("content-type", "application/json")).withBody("{}").build();
        }
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        RequestStreamHandler emptyStream = (in, out, ctx) -> out.write(EMPTY);
        Emulators emulators = Emulators.shared();
        HttpServer bare = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        bare.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        bare.createContext("/", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                ex.getResponseHeaders().add("content-type", "application/json");
                ex.sendResponseHeaders(200, EMPTY.length);
                ex.getResponseBody().write(EMPTY);
            }
        });
        bare.start();
        try (LocalEdge edge = LocalEdge.start(LocalEdgeConfig.inMemory().withEmulators(emulators).withPrefix("bench")
                .withDemoTenant(false).withFunctions(FunctionFactory.of(Map.of(
                        "ingress", env -> new EmptyIngress(), "firewall", env -> emptyStream))))) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String bareBase = "http://127.0.0.1:" + bare.getAddress().getPort();
            HttpRequest bareGet = HttpRequest.newBuilder(URI.create(bareBase + "/v1/tenant/status")).build();
            HttpRequest edgeGet = HttpRequest.newBuilder(URI.create(edge.baseUrl() + "/v1/tenant/status"))
                    .header("x-edgemesh-key", "pk_bench").header("origin", "https://bench.example").build();
            HttpRequest barePost = HttpRequest.newBuilder(URI.create(bareBase + "/2015-03-31/functions/bench-firewall/invocations"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(EMPTY)).build();
            HttpRequest edgeInvoke = HttpRequest.newBuilder(URI.create(edge.baseUrl()
                    + "/2015-03-31/functions/bench-firewall/invocations")).POST(HttpRequest.BodyPublishers.ofByteArray(EMPTY)).build();

            for (HttpRequest r : new HttpRequest[] {bareGet, edgeGet, barePost, edgeInvoke}) {
                measure(client, r, Math.max(2_000, n / 4)); // warm-up: class loading and C1/C2
            }
            Percentiles b1 = measure(client, bareGet, n);
            Percentiles e1 = measure(client, edgeGet, n);
            Percentiles b2 = measure(client, barePost, n);
            Percentiles e2 = measure(client, edgeInvoke, n);
            System.out.println("bare JDK server, GET        : " + b1);
            System.out.println("edge -> empty ingress, GET  : " + e1);
            System.out.printf(java.util.Locale.ROOT, "  added by the edge: p50 %.3f ms, p99 %.3f ms%n", e1.p50() - b1.p50(), e1.p99() - b1.p99());
            System.out.println("bare JDK server, POST       : " + b2);
            System.out.println("edge invoke API, empty fn   : " + e2);
            System.out.printf(java.util.Locale.ROOT, "  added by the edge: p50 %.3f ms, p99 %.3f ms%n", e2.p50() - b2.p50(), e2.p99() - b2.p99());
        } finally {
            bare.stop(0);
        }
        System.exit(0);
    }

    private static Percentiles measure(HttpClient client, HttpRequest request, int n) throws Exception {
        long[] samples = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            samples[i] = System.nanoTime() - t;
            if (r.statusCode() != 200) throw new IllegalStateException(request.uri() + " answered " + r.statusCode());
        }
        return Percentiles.of(samples);
    }
}
