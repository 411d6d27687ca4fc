package io.edgemesh.infra.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.Json;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.common.invoke.Envelopes;
import io.edgemesh.common.invoke.internal.InvokeWire;
import io.edgemesh.emulators.EmulatorOptions;
import io.edgemesh.emulators.Emulators;
import io.edgemesh.envelope.Call;
import io.edgemesh.envelope.EnvelopeSigner;
import io.edgemesh.events.AuditEvent;
import io.edgemesh.events.DocumentClean;
import io.edgemesh.events.DocumentIndexed;
import io.edgemesh.events.EdgeMeshEvent;
import io.edgemesh.events.EdgeMeshEvents;
import io.edgemesh.infra.internal.LambdaAssets;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.FunctionDef;
import io.edgemesh.routes.Names;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Cold start of every function, measured the way Lambda starts it: a fresh JVM with Lambda's flags
 * loads the function's shaded package, constructs the handler and runs one fixture event against the
 * embedded servers, then exits. A bare stream handler runs in the same harness, so each figure is
 * also a ratio to it. Not part of the test suite (the name ends in neither Test nor IT); run with
 * {@code ./mvnw -B -o -pl infra-cdk test -Dtest=ColdStartBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * The table is written to {@code infra-cdk/target/coldstart.md}.
 */
class ColdStartBenchmark {
    static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xshare:auto");
    static final int RUNS = Integer.getInteger("coldstart.runs", 3);
    static final String TENANT = "bench";

    record Result(String name, long wallMs, long initMs, long invokeMs, long peakMb, long jarKb, String response) { }

    @Test
    void measure_every_function_against_a_bare_handler() throws Exception {
        Path root = Path.of(System.getProperty("edgemesh.root"));
        Path work = root.resolve("infra-cdk/target/coldstart");
        Files.createDirectories(work);
        try (Emulators emu = Emulators.start(EmulatorOptions.inMemory())) {
            emu.provision(Names.DEFAULT_PREFIX);
            Map<String, String> env = new HashMap<>(emu.environment(Names.DEFAULT_PREFIX));
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            env.put(Names.ENV_ENVELOPE_KEYS, "k1:" + Base64.getEncoder().encodeToString(key));
            env.put(Names.ENV_ADMIN_TOKEN, "bench-admin-token-0123456789abcdef");
            env.put(Names.ENV_SESSION_KEY, Base64.getEncoder().encodeToString(key));
            env.put(Names.ENV_ENDPOINT_LAMBDA, "http://127.0.0.1:9");

            String testClasses = root.resolve("infra-cdk/target/test-classes").toString();
            String bareCp = testClasses + File.pathSeparator + String.join(File.pathSeparator, jarsOf("aws-lambda-java-core", "jackson-"));
            List<Result> results = new ArrayList<>();
            Path bareEvent = Files.writeString(work.resolve("bare.json"), "{\"version\":\"2.0\",\"rawPath\":\"/\",\"body\":\"{}\"}");
            results.add(run("bare RequestStreamHandler", bareCp, BareHandler.class.getName(), () -> bareEvent, env, 0));

            LambdaAssets assets = new LambdaAssets(root);
            for (FunctionDef fn : EdgeMeshResources.FUNCTIONS) {
                Path jar = assets.jarFor(fn);
                // a fresh fixture per run: a signed envelope may be used once (replay guard)
                java.util.concurrent.Callable<Path> event = () -> Files.write(work.resolve(fn.name() + ".json"), fixture(fn, env));
                Map<String, String> fenv = new HashMap<>(env);
                fenv.put(Names.ENV_FUNCTION_NAME, fn.name());
                results.add(run(fn.name(), jar + File.pathSeparator + testClasses, fn.handler(), event, fenv, Files.size(jar) / 1024));
            }
            long bare = results.get(0).wallMs();
            StringBuilder md = new StringBuilder();
            md.append("| function | package MB | wall ms (median of ").append(RUNS).append(") | × bare | init ms | first invoke ms | peak RSS MB |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|\n");
            for (Result r : results) {
                md.append(String.format("| %s | %.1f | %d | %.2f | %d | %d | %d |%n", r.name(), r.jarKb() / 1024.0, r.wallMs(),
                        (double) r.wallMs() / bare, r.initMs(), r.invokeMs(), r.peakMb()));
            }
            Files.writeString(root.resolve("infra-cdk/target/coldstart.md"), md);
            System.out.println(md);
            for (Result r : results) System.out.println(r.name() + " -> " + r.response());
        }
    }

    private Result run(String name, String cp, String handler, java.util.concurrent.Callable<Path> events, Map<String, String> env,
                       long jarKb) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Long> walls = new ArrayList<>();
        String last = null;
        for (int i = 0; i < RUNS; i++) {
            Path event = events.call();
            List<String> cmd = new ArrayList<>();
            cmd.add(java);
            cmd.addAll(LAMBDA_FLAGS);
            cmd.addAll(List.of("-Xmx512m", "-cp", cp, LambdaRunner.class.getName(), handler, event.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().clear();
            pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin"));
            pb.environment().putAll(env);
            long t0 = System.nanoTime();
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
            walls.add((System.nanoTime() - t0) / 1_000_000);
            last = out.lines().filter(l -> l.startsWith("COLDSTART")).findFirst().orElse("COLDSTART failed: " + out);
        }
        walls.sort(Long::compare);
        long median = walls.get(walls.size() / 2);
        return new Result(name, median, field(last, "init_ms"), field(last, "invoke_ms"), field(last, "peak_kb") / 1024, jarKb,
                last.contains("response=") ? last.substring(last.indexOf("response=") + 9) : last);
    }

    private static long field(String line, String name) {
        int i = line.indexOf(name + "=");
        if (i < 0) return -1;
        String v = line.substring(i + name.length() + 1).split(" ")[0];
        return Long.parseLong(v);
    }

    private static List<String> jarsOf(String... prefixes) {
        List<String> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String f = Path.of(e).getFileName().toString();
            for (String p : prefixes) if (f.startsWith(p) && f.endsWith(".jar")) out.add(e);
        }
        return out;
    }

    /** A realistic first event for each function. */
    private static byte[] fixture(FunctionDef fn, Map<String, String> env) throws Exception {
        return switch (fn.name()) {
            case "ingress" -> http("GET", "/widget.js");
            case "firewall" -> signed(env, "ingress", fn, "check",
                    Map.of("text", "What are your opening hours on Saturday?", "sessionId", "s-bench", "locale", "en"));
            case "search" -> signed(env, "orchestrator", fn, "search", Map.of("query", "opening hours", "k", 5, "mode", "hybrid"));
            case "generate" -> signed(env, "orchestrator", fn, "generate", Map.of("question", "When do you open?", "passages",
                    List.of(Map.of("ref", 1, "documentId", "doc_1", "filename", "hours.pdf", "page", 1,
                            "text", "We open at nine on weekdays and at ten on Saturdays.", "score", 1.0))));
            case "orchestrator" -> signed(env, "ingress", fn, "tenant.status", forward("GET", "/v1/tenant/status", Map.of(), "publishable_key"));
            case "uploads" -> signed(env, "ingress", fn, "documents.list", forward("GET", "/v1/documents", Map.of(), "secret_key"));
            case "admin" -> signed(env, "ingress", fn, "tenants.get", forward("GET", "/admin/tenants/" + TENANT, Map.of("tenantId", TENANT), "admin"));
            case "mcp" -> signed(env, "ingress", fn, "a2a.card", forward("GET", "/.well-known/agent.json", Map.of(), "none"));
            case "indexer" -> sqs(fn, new DocumentClean(TENANT, "doc_bench", "edgemesh-uploads", "tenants/" + TENANT + "/incoming/doc_bench",
                    "bench.pdf", "application/pdf", 1000, "0".repeat(64)));
            case "readiness" -> sqs(fn, new DocumentIndexed(TENANT, "doc_bench", 1, 3, Instant.now()));
            case "audit" -> sqs(fn, new AuditEvent(TENANT, "aud_bench", "bench.ran", "bench", null, "succeeded", Instant.now(), Map.of()));
            default -> fn.name().startsWith("scan-") ? s3Event(fn) : http("GET", "/");
        };
    }

    private static byte[] http(String method, String path) {
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.put("version", "2.0").put("routeKey", "$default").put("rawPath", path).put("rawQueryString", "");
        e.putObject("headers").put("host", "bench.lambda-url.us-east-1.on.aws").put("user-agent", "bench");
        ObjectNode rc = e.putObject("requestContext");
        rc.put("requestId", UUID.randomUUID().toString()).put("domainName", "bench.lambda-url.us-east-1.on.aws").put("timeEpoch", System.currentTimeMillis());
        rc.putObject("http").put("method", method).put("path", path).put("protocol", "HTTP/1.1").put("sourceIp", "127.0.0.1");
        e.put("isBase64Encoded", false);
        return Json.writeBytes(e);
    }

    private static Map<String, Object> forward(String method, String path, Map<String, String> params, String kind) {
        Map<String, Object> principal = new LinkedHashMap<>();
        principal.put("kind", kind);
        principal.put("tenantId", kind.equals("admin") || kind.equals("none") ? null : TENANT);
        principal.put("keyId", "bench");
        principal.put("origin", "https://bench.example");
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("method", method);
        f.put("path", path);
        f.put("pathParams", params);
        f.put("query", Map.of());
        f.put("body", null);
        f.put("principal", principal);
        f.put("clientIp", "127.0.0.1");
        return f;
    }

    private static byte[] signed(Map<String, String> env, String caller, FunctionDef target, String op, Object body) {
        Clock clock = Clock.systemUTC();
        // the envelope must outlive the JVM starts of all runs
        EnvelopeSigner signer = EnvelopeSigner.hmac(Envelopes.keySource(FunctionConfig.of(env), AwsClients.from(FunctionConfig.of(env)), clock), clock,
                Duration.ofSeconds(290));
        String source = EdgeMeshResources.function(caller).layer().id();
        var msg = signer.sign(new Call(TENANT, source, target.layer().id(), op, UUID.randomUUID().toString(), null), Json.writeBytes(body));
        return InvokeWire.request(msg);
    }

    private static byte[] sqs(FunctionDef fn, EdgeMeshEvent event) {
        var out = EdgeMeshEvents.encode(event, event.eventType().defaultSource());
        String queue = fn.sources().get(0).queue();
        ObjectNode e = Json.MAPPER.createObjectNode();
        ArrayNode records = e.putArray("Records");
        ObjectNode r = records.addObject();
        r.put("messageId", UUID.randomUUID().toString()).put("receiptHandle", "bench").put("body", out.body())
                .put("eventSource", "aws:sqs").put("eventSourceARN", "arn:aws:sqs:us-east-1:000000000000:edgemesh-" + queue)
                .put("awsRegion", "us-east-1").put("md5OfBody", "");
        ObjectNode attrs = r.putObject("attributes");
        attrs.put("ApproximateReceiveCount", "1").put("SentTimestamp", Long.toString(System.currentTimeMillis()));
        if (queue.endsWith(".fifo")) attrs.put("MessageGroupId", TENANT).put("MessageDeduplicationId", out.deduplicationId());
        r.putObject("messageAttributes");
        return Json.writeBytes(e);
    }

    private static byte[] s3Event(FunctionDef fn) {
        String key = "tenants/" + TENANT + "/incoming/doc_bench";
        String s3 = "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\",\"eventTime\":\""
                + Instant.now() + "\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"s3SchemaVersion\":\"1.0\",\"bucket\":{\"name\":\"edgemesh-uploads\","
                + "\"arn\":\"arn:aws:s3:::edgemesh-uploads\"},\"object\":{\"key\":\"" + key + "\",\"size\":1000,\"eTag\":\"0\",\"sequencer\":\"01\"}}}]}";
        ObjectNode e = Json.MAPPER.createObjectNode();
        ObjectNode r = e.putArray("Records").addObject();
        r.put("messageId", UUID.randomUUID().toString()).put("receiptHandle", "bench").put("body", s3)
                .put("eventSource", "aws:sqs").put("eventSourceARN", "arn:aws:sqs:us-east-1:000000000000:edgemesh-" + fn.sources().get(0).queue())
                .put("awsRegion", "us-east-1");
        r.putObject("attributes").put("ApproximateReceiveCount", "1");
        r.putObject("messageAttributes");
        return Json.writeBytes(e);
    }
}
