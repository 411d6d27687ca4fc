package io.edgemesh.local;

import com.sun.net.httpserver.HttpServer;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.LogContext;
import io.edgemesh.common.log.Logger;
import io.edgemesh.emulators.EmulatorException;
import io.edgemesh.emulators.EmulatorOptions;
import io.edgemesh.emulators.Emulators;
import io.edgemesh.emulators.Provisioned;
import io.edgemesh.local.StartupException.Reason;
import io.edgemesh.local.internal.DemoPage;
import io.edgemesh.local.internal.DemoTenant;
import io.edgemesh.local.internal.EdgeServer;
import io.edgemesh.local.internal.FunctionInstance;
import io.edgemesh.local.internal.HealthReport;
import io.edgemesh.local.internal.Invoker;
import io.edgemesh.local.internal.LambdaInvokeEndpoint;
import io.edgemesh.local.internal.LocalSecrets;
import io.edgemesh.local.internal.Replies;
import io.edgemesh.local.internal.S3Notifications;
import io.edgemesh.local.internal.SampleDocument;
import io.edgemesh.local.internal.SeenObjects;
import io.edgemesh.local.internal.SqsEventSource;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.EventSourceDef;
import io.edgemesh.routes.FunctionDef;
import io.edgemesh.routes.Names;
import io.edgemesh.routes.NotificationDef;
import io.edgemesh.routes.QueueDef;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The whole mesh on one port: the embedded servers, every function of
 * {@link EdgeMeshResources#FUNCTIONS} that is built, the HTTP front (function-URL events for the
 * ingress, Lambda's invoke API for layer-to-layer calls, {@code /health}, {@code /demo}), the SQS
 * event sources and the S3 notifications. {@link #start} checks the port and the data folder
 * before anything runs, so a failed start changes nothing; {@link #close} stops it all in order.
 */
public final class LocalEdge implements AutoCloseable {
    private static final Logger LOG = Log.get(LocalEdge.class);
    /** The emulators' lock file in the data folder (also probed here to fail before anything starts). */
    private static final String LOCK_FILE = "edgemesh.lock";
    private static final Duration FUNCTION_START_TIMEOUT = Duration.ofSeconds(120);

    private final LocalEdgeConfig config;
    private final HttpServer server;
    private final long startedNanos;
    private final Instant startedAt = Instant.now();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, FunctionInstance> functions = new LinkedHashMap<>();
    private final List<SqsEventSource> pollers = new ArrayList<>();
    private Emulators emulators;
    private boolean ownsEmulators;
    private Provisioned provisioned;
    private LocalSecrets secrets;
    private Map<String, String> baseEnvironment;
    private S3Notifications notifications;
    private SeenObjects seen;
    private DemoTenantKeys demoTenant;
    private String demoTenantNote = "not created yet";
    private String sampleDocumentId;
    private Duration startupTime;
    private boolean closed;

    private LocalEdge(LocalEdgeConfig config, HttpServer server, long startedNanos) {
        this.config = config;
        this.server = server;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts everything and returns when the edge answers requests.
     *
     * @throws StartupException with the reason (port in use, data folder unusable or locked,
     *                          emulators failed); nothing is left running
     */
    public static LocalEdge start(LocalEdgeConfig config) {
        long began = System.nanoTime();
        if (config.dataDir() != null) {
            probeDataDir(config.dataDir());
        }
        HttpServer server = bind(config.port());
        LocalEdge edge = new LocalEdge(config, server, began);
        try {
            edge.boot();
            return edge;
        } catch (StartupException e) {
            edge.close();
            throw e;
        } catch (RuntimeException | Error e) {
            edge.close();
            throw new StartupException(Reason.FAILED, "the local edge failed to start: " + e, e);
        }
    }

    // ---- startup ----------------------------------------------------------------------------------

    private static void probeDataDir(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StartupException(Reason.DATA_DIR_UNUSABLE, "data folder " + dir + " is a file, not a folder: "
                    + "pass another --data DIR (or --in-memory)");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new StartupException(Reason.DATA_DIR_UNUSABLE, "cannot create data folder " + dir + ": " + e.getMessage()
                    + "; pass another --data DIR (or --in-memory)", e);
        }
        if (!Files.isReadable(dir) || !Files.isWritable(dir) || !Files.isExecutable(dir)) {
            throw new StartupException(Reason.DATA_DIR_UNUSABLE, "data folder " + dir
                    + " must be readable and writable by this user; fix its permissions or pass another --data DIR");
        }
        Path lockFile = dir.resolve(LOCK_FILE);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = "";
                try {
                    String content = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
                    if (content.startsWith("pid=")) holder = " (process " + content.substring(4) + ")";
                } catch (IOException ignored) {
                    // the holder is only a hint
                }
                throw new StartupException(Reason.DATA_DIR_LOCKED, "data folder " + dir + " is in use by another "
                        + "EdgeMesh local edge" + holder + ": stop it, or pass another --data DIR (or --in-memory)");
            }
            lock.release();
        } catch (IOException e) {
            throw new StartupException(Reason.DATA_DIR_UNUSABLE, "cannot use data folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static HttpServer bind(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            return server;
        } catch (BindException e) {
            throw new StartupException(Reason.PORT_IN_USE, "port " + port + " on 127.0.0.1 is already in use: "
                    + "stop what uses it, or pass --port N");
        } catch (IOException e) {
            throw new StartupException(Reason.PORT_IN_USE, "cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    private void boot() {
        long t0 = System.nanoTime();
        // handler classes load while the servers start: both take seconds, and they overlap well
        for (FunctionDef def : EdgeMeshResources.FUNCTIONS) {
            executor.submit(() -> config.functions().preload(def));
        }
        startEmulators();
        long t1 = System.nanoTime();
        String prefix = config.prefix();
        provisioned = emulators.provision(prefix);
        long t2 = System.nanoTime();
        Path stateDir = stateDir();
        try {
            secrets = stateDir == null ? LocalSecrets.generate(config.adminToken())
                    : LocalSecrets.loadOrCreate(stateDir, config.adminToken());
        } catch (IOException e) {
            throw new StartupException(Reason.DATA_DIR_UNUSABLE, "cannot keep secrets in " + stateDir + ": " + e.getMessage(), e);
        }
        baseEnvironment = buildBaseEnvironment();
        loadFunctions();
        long t3 = System.nanoTime();

        Invoker invoker = new Invoker(executor, prefix, emulators.region());
        LambdaInvokeEndpoint invoke = new LambdaInvokeEndpoint(functions, invoker, executor, prefix, emulators.region());
        HealthReport health = new HealthReport(emulators::health, emulators.sqs(), EdgeMeshResources.QUEUES,
                provisioned.queueUrls(), functions, () -> List.copyOf(pollers), executor, startedAt, prefix);
        Map<String, EdgeServer.LocalRoute> local = Map.of(
                "health", exchange -> {
                    HealthReport.Snapshot s = health.snapshot();
                    return Replies.json(s.healthy() ? 200 : 503, s.body());
                },
                "demo", exchange -> Replies.html(200, DemoPage.render(pageBase(exchange.getRequestHeaders().getFirst("Host")),
                        demoTenant == null ? null : demoTenant.publishableKey(), demoTenantNote)));
        server.createContext("/", new EdgeServer(functions, invoker, invoke, local));
        server.start();

        startPollers(invoker);
        startNotifications(stateDir);
        long t4 = System.nanoTime();
        startupTime = Duration.ofNanos(t4 - startedNanos);
        LOG.info("local edge started", "millis", startupTime.toMillis(), "emulatorsMillis", (t1 - t0) / 1_000_000,
                "provisionMillis", (t2 - t1) / 1_000_000, "functionsMillis", (t3 - t2) / 1_000_000,
                "frontMillis", (t4 - t3) / 1_000_000);
        if (config.createDemoTenant()) {
            createDemoTenant();
        }
    }

    private void startEmulators() {
        if (config.emulators() != null) {
            emulators = config.emulators();
            return;
        }
        try {
            emulators = Emulators.start(new EmulatorOptions(config.dataDir(), 0, 0, 0));
            ownsEmulators = true;
        } catch (EmulatorException e) {
            Reason reason = switch (e.reason()) {
                case PORT_IN_USE -> Reason.PORT_IN_USE;
                case DATA_DIR_LOCKED -> Reason.DATA_DIR_LOCKED;
                case DATA_DIR_UNUSABLE -> Reason.DATA_DIR_UNUSABLE;
                default -> Reason.EMULATORS_FAILED;
            };
            throw new StartupException(reason, e.getMessage(), e);
        }
    }

    private Path stateDir() {
        return config.dataDir() == null ? null : config.dataDir().resolve("local-edge");
    }

    private Map<String, String> buildBaseEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(config.extraEnvironment());
        env.putAll(emulators.environment(config.prefix()));
        env.put(Names.ENV_ENDPOINT_LAMBDA, baseUrl());
        env.put(Names.ENV_ENVELOPE_KEYS, secrets.envelopeKeys());
        for (FunctionDef f : EdgeMeshResources.FUNCTIONS) {
            env.put(Names.functionEnv(f.name()), Names.physical(config.prefix(), f.name()));
        }
        return env;
    }

    /** What one function sees: the shared environment, its own name and the secrets its role needs. */
    public Map<String, String> functionEnvironment(String function) {
        FunctionDef def = EdgeMeshResources.function(function);
        Map<String, String> env = new LinkedHashMap<>(baseEnvironment);
        env.put(Names.ENV_FUNCTION_NAME, def.name());
        env.put("AWS_LAMBDA_FUNCTION_NAME", Names.physical(config.prefix(), def.name()));
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(def.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        if (def.functionUrl()) {
            // only the public front verifies session tokens and the admin token, as in AWS
            env.put(Names.ENV_SESSION_KEY, secrets.sessionKey());
            env.put(Names.ENV_ADMIN_TOKEN, secrets.adminToken());
        }
        return env;
    }

    private void loadFunctions() {
        Map<FunctionDef, Future<FunctionInstance>> pending = new LinkedHashMap<>();
        for (FunctionDef def : EdgeMeshResources.FUNCTIONS) {
            Map<String, String> env = functionEnvironment(def.name());
            pending.put(def, executor.submit(() -> instantiate(def, env)));
        }
        long deadline = System.nanoTime() + FUNCTION_START_TIMEOUT.toNanos();
        pending.forEach((def, future) -> {
            FunctionInstance f;
            try {
                f = future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                future.cancel(true);
                f = FunctionInstance.failed(def, "did not start within " + FUNCTION_START_TIMEOUT.toSeconds() + " s");
            }
            functions.put(def.name(), f);
            try (var scope = LogContext.withFunction(def.name())) {
                switch (f.status()) {
                    case NOT_BUILT -> LOG.warn("function " + def.name() + " not built yet", "handler", def.handler());
                    case FAILED -> LOG.warn("function " + def.name() + " failed to start", "problem", f.problem());
                    case LOADED -> LOG.debug("function loaded");
                }
            }
        });
    }

    private FunctionInstance instantiate(FunctionDef def, Map<String, String> env) {
        try {
            Optional<Object> handler = config.functions().create(def, env);
            return handler.map(h -> FunctionInstance.loaded(def, h)).orElseGet(() -> FunctionInstance.notBuilt(def));
        } catch (Exception | LinkageError e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            return FunctionInstance.failed(def, root.getClass().getSimpleName() + ": " + root.getMessage());
        }
    }

    private void startPollers(Invoker invoker) {
        for (FunctionInstance f : functions.values()) {
            if (!f.isLoaded()) continue;
            for (EventSourceDef source : f.def().sources()) {
                QueueDef queue = EdgeMeshResources.queue(source.queue());
                int concurrency = Math.min(f.def().reserved().orElse(4), 4);
                SqsEventSource poller = new SqsEventSource(f, source, queue, provisioned.queueUrl(queue.name()),
                        provisioned.queueArn(queue.name()), emulators.region(), emulators.sqs(), invoker, executor, concurrency);
                pollers.add(poller);
                poller.start();
            }
        }
    }

    private void startNotifications(Path stateDir) {
        try {
            seen = stateDir == null ? SeenObjects.inMemory() : SeenObjects.persistent(stateDir.resolve("s3-notified.log"));
        } catch (IOException e) {
            throw new StartupException(Reason.DATA_DIR_UNUSABLE, "cannot keep the notification log in " + stateDir
                    + ": " + e.getMessage(), e);
        }
        List<S3Notifications.Target> targets = new ArrayList<>();
        for (NotificationDef n : EdgeMeshResources.NOTIFICATIONS) {
            List<S3Notifications.QueueTarget> queues = n.queues().stream()
                    .map(q -> new S3Notifications.QueueTarget(q, provisioned.queueUrl(q))).toList();
            targets.add(new S3Notifications.Target(n, provisioned.bucket(n.bucket()), queues));
        }
        notifications = new S3Notifications(targets, emulators.s3(), emulators.sqs(), seen, config.s3ScanInterval(),
                emulators.region());
        notifications.start();
    }

    /**
     * Creates the demo tenant on first start (or reads its kept keys); a no-op once it exists. Runs
     * after the edge answers, because it goes through the edge itself.
     */
    public synchronized void createDemoTenant() {
        if (demoTenant != null || closed) return;
        Path stateDir = stateDir();
        long began = System.nanoTime();
        ensureDemoTenant(stateDir);
        LOG.info("demo tenant step done", "created", demoTenant != null, "millis", (System.nanoTime() - began) / 1_000_000);
    }

    private void ensureDemoTenant(Path stateDir) {
        FunctionInstance ingress = functions.get(EdgeMeshResources.INGRESS.name());
        FunctionInstance admin = functions.get(EdgeMeshResources.ADMIN.name());
        if (stateDir != null) {
            Optional<DemoTenantKeys> kept = DemoTenant.load(stateDir);
            if (kept.isPresent()) {
                demoTenant = kept.get();
                return;
            }
        }
        if (!ingress.isLoaded() || !admin.isLoaded()) {
            demoTenantNote = "the " + (!ingress.isLoaded() ? "ingress" : "admin") + " function is not available ("
                    + (!ingress.isLoaded() ? ingress.problem() : admin.problem()) + ")";
            LOG.warn("demo tenant skipped: " + demoTenantNote);
            return;
        }
        try {
            DemoTenant.Result r = DemoTenant.create(baseUrl(), secrets.adminToken(), demoOrigins());
            if (r.keys() != null) {
                demoTenant = r.keys();
                if (stateDir != null) DemoTenant.save(stateDir, r.body());
                uploadSampleDocument(demoTenant);
            } else {
                demoTenantNote = "creating it answered " + r.status() + " " + r.body();
                LOG.warn("demo tenant not created", "status", r.status(), "body", r.body());
            }
        } catch (IOException e) {
            demoTenantNote = "creating it failed: " + e;
            LOG.warn("demo tenant not created", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Uploads the sample document for the demo tenant on its first start (through
     * {@code POST /v1/uploads} with the tenant's secret key, then the presigned PUT) so chat
     * unlocks without any manual step once the scanners and the indexer have passed it.
     */
    private void uploadSampleDocument(DemoTenantKeys keys) throws InterruptedException {
        if (keys.secretKey() == null) {
            LOG.warn("sample document not uploaded: the demo tenant's secret key was not returned", "tenantId", keys.tenantId());
            return;
        }
        SampleDocument.Upload up;
        try {
            up = SampleDocument.upload(baseUrl(), keys.secretKey(), SampleDocument.pdf());
        } catch (IOException | RuntimeException e) {
            // the tenant exists either way; the demo page then says to upload a PDF by hand
            LOG.warn("sample document not uploaded", "tenantId", keys.tenantId(), "problem", e.toString());
            return;
        }
        if (up.ok()) {
            sampleDocumentId = up.documentId();
            LOG.info("sample document uploaded", "tenantId", keys.tenantId(), "documentId", up.documentId(),
                    "filename", SampleDocument.FILENAME);
        } else {
            LOG.warn("sample document not uploaded", "tenantId", keys.tenantId(), "status", up.status(), "body", up.body());
        }
    }

    private List<String> demoOrigins() {
        int port = port();
        return List.of("http://127.0.0.1:" + port, "http://localhost:" + port);
    }

    /** The demo page's origin: the Host the browser used when it is this machine, the base URL otherwise. */
    private String pageBase(String host) {
        if (host != null && (host.equals("localhost:" + port()) || host.equals("127.0.0.1:" + port()))) {
            return "http://" + host;
        }
        return baseUrl();
    }

    // ---- what a running edge tells ----------------------------------------------------------------

    public String baseUrl() { return "http://127.0.0.1:" + port(); }

    public int port() { return server.getAddress().getPort(); }

    public String adminToken() { return secrets.adminToken(); }

    public boolean adminTokenFromEnvironment() { return secrets.adminTokenFromEnvironment(); }

    public Optional<DemoTenantKeys> demoTenant() { return Optional.ofNullable(demoTenant); }

    /** The demo tenant's sample document, when this start uploaded it (a restart on a data folder does not). */
    public Optional<String> sampleDocumentId() { return Optional.ofNullable(sampleDocumentId); }

    /** Why there is no demo tenant, when there is none. */
    public String demoTenantNote() { return demoTenantNote; }

    public Emulators emulators() { return emulators; }

    public Provisioned provisioned() { return provisioned; }

    public Duration startupTime() { return startupTime; }

    public Optional<Path> dataDir() { return Optional.ofNullable(config.dataDir()); }

    /** Function name → loaded, missing or failed (with why). */
    public Map<String, String> functionStatus() {
        Map<String, String> m = new LinkedHashMap<>();
        functions.forEach((name, f) -> m.put(name, f.isLoaded() ? "loaded" : f.problem()));
        return m;
    }

    /** Notifications sent so far (for tests and the benchmark). */
    public long notificationsDelivered() { return notifications == null ? 0 : notifications.delivered(); }

    // ---- shutdown ----------------------------------------------------------------------------------

    /** Stops intake first (notifications, pollers, HTTP), then the functions' executor, then the servers. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        long t0 = System.nanoTime();
        if (notifications != null) notifications.close();
        pollers.forEach(SqsEventSource::stop);
        pollers.forEach(p -> p.awaitIdle(Duration.ofSeconds(10)));
        long t1 = System.nanoTime();
        server.stop(1);
        if (server.getExecutor() instanceof ExecutorService es) es.shutdownNow();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (FunctionInstance f : functions.values()) {
            if (f.handler() instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.debug("closing a handler failed", "function", f.name(), "problem", e.toString());
                }
            }
        }
        if (seen != null) {
            try {
                seen.close();
            } catch (IOException e) {
                LOG.debug("closing the notification log failed", "problem", e.toString());
            }
        }
        long t2 = System.nanoTime();
        if (ownsEmulators && emulators != null) emulators.close();
        LOG.info("local edge stopped", "intakeMillis", (t1 - t0) / 1_000_000, "functionsMillis", (t2 - t1) / 1_000_000,
                "serversMillis", (System.nanoTime() - t2) / 1_000_000);
    }

    /** For tests: an environment map copy, as the functions get it, without a function name. */
    Map<String, String> baseEnvironment() { return new HashMap<>(baseEnvironment); }
}
