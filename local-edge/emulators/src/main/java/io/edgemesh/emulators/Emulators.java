package io.edgemesh.emulators;

import io.edgemesh.emulators.EmulatorException.Reason;
import io.edgemesh.emulators.internal.AwsClients;
import io.edgemesh.emulators.internal.ChildServer;
import io.edgemesh.emulators.internal.ChildServer.Kind;
import io.edgemesh.emulators.internal.DataDirLock;
import io.edgemesh.emulators.internal.Provisioner;
import io.edgemesh.routes.BucketDef;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.Names;
import io.edgemesh.routes.QueueDef;
import io.edgemesh.routes.TableDef;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * DynamoDB Local, ElasticMQ (SQS) and S3Proxy running on loopback, each in its own child JVM, with
 * SDK clients for them. {@link #shared()} is the one in-memory instance per JVM that every
 * integration test uses; the local edge host calls {@link #start(EmulatorOptions)} with a data folder.
 *
 * <p>Children exit when this JVM exits, however it exits: each one waits for end of file on a pipe
 * this JVM holds open. S3Proxy verifies every signature (presigned URLs included) against
 * {@link #ACCESS_KEY_ID}/{@link #SECRET_ACCESS_KEY}; DynamoDB Local and ElasticMQ accept any key.
 * Thread-safe: the clients are shared SDK clients and {@link #provision} may run concurrently.
 */
public final class Emulators implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY_ID = "edgemesh";
    public static final String SECRET_ACCESS_KEY = "edgemesh-local-secret";

    /** Cold JVMs on a busy 2-core machine: generous, but a hung child must not hang the build. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private static Emulators shared;

    private final EmulatorOptions options;
    private final Path logDir;
    private final DataDirLock lock;
    private final Map<Kind, ChildServer> children;
    private final Duration startupTime;
    private final SdkHttpClient http;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final S3Client s3;
    private final S3Presigner presigner;
    private final Map<String, Provisioned> provisioned = new ConcurrentHashMap<>();
    private final boolean isShared;
    private volatile boolean closed;

    private Emulators(EmulatorOptions options, Path logDir, DataDirLock lock, Map<Kind, ChildServer> children,
                      Duration startupTime, boolean isShared) {
        this.options = options;
        this.logDir = logDir;
        this.lock = lock;
        this.children = children;
        this.startupTime = startupTime;
        this.isShared = isShared;
        this.http = AwsClients.httpClient();
        StaticCredentialsProvider credentials = AwsClients.credentials(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
        Region region = Region.of(REGION);
        this.dynamoDb = AwsClients.dynamoDb(dynamoDbEndpoint(), region, credentials, http);
        this.sqs = AwsClients.sqs(sqsEndpoint(), region, credentials, http);
        this.s3 = AwsClients.s3(s3Endpoint(), region, credentials, http);
        this.presigner = AwsClients.s3Presigner(s3Endpoint(), region, credentials);
    }

    /**
     * The JVM-wide in-memory instance on free ports, provisioned with prefix {@code edgemesh},
     * stopped by a shutdown hook. {@link #close()} on it does nothing: other tests share it.
     */
    public static synchronized Emulators shared() {
        if (shared == null) {
            Emulators started = launch(EmulatorOptions.inMemory(), true);
            try {
                started.provision(Names.DEFAULT_PREFIX);
            } catch (RuntimeException e) {
                started.stop();
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "emulators-shared-stop"));
            shared = started;
        }
        return shared;
    }

    /**
     * Starts the three servers in parallel and waits until each answers. Nothing is provisioned yet.
     *
     * @throws EmulatorException with {@link Reason#PORT_IN_USE}, {@link Reason#DATA_DIR_LOCKED},
     *                           {@link Reason#DATA_DIR_UNUSABLE}, {@link Reason#NOT_BUILT} or
     *                           {@link Reason#START_FAILED}; nothing keeps running after a failure
     */
    public static Emulators start(EmulatorOptions options) {
        return launch(options, false);
    }

    private static Emulators launch(EmulatorOptions options, boolean isShared) {
        long began = System.nanoTime();
        Path dataDir = options.dataDir();
        DataDirLock lock = null;
        Path logDir;
        if (dataDir != null) {
            prepareDataDir(dataDir);
            lock = DataDirLock.acquire(dataDir);
            logDir = dataDir.resolve("logs");
        } else {
            logDir = inMemoryLogDir();
        }
        Map<Kind, ChildServer> children = new EnumMap<>(Kind.class);
        try {
            Map<String, String> s3Env = Map.of("EDGEMESH_S3_IDENTITY", ACCESS_KEY_ID,
                    "EDGEMESH_S3_CREDENTIAL", SECRET_ACCESS_KEY);
            children.put(Kind.DYNAMODB, ChildServer.launch(Kind.DYNAMODB, options.dynamoPort(),
                    sub(dataDir, "dynamodb"), logDir, Map.of()));
            children.put(Kind.SQS, ChildServer.launch(Kind.SQS, options.sqsPort(), sub(dataDir, "sqs"), logDir, Map.of()));
            children.put(Kind.S3, ChildServer.launch(Kind.S3, options.s3Port(), sub(dataDir, "s3"), logDir, s3Env));
            // all three boot concurrently; waiting for them one after the other costs only the slowest
            for (ChildServer child : children.values()) {
                child.awaitReady(READY_TIMEOUT);
            }
        } catch (RuntimeException e) {
            children.values().forEach(ChildServer::requestStop);
            children.values().forEach(ChildServer::close);
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
        return new Emulators(options, logDir, lock, children, Duration.ofNanos(System.nanoTime() - began), isShared);
    }

    private static Path sub(Path dataDir, String name) {
        return dataDir == null ? null : dataDir.resolve(name);
    }

    private static void prepareDataDir(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            for (String sub : List.of("dynamodb", "sqs", "s3", "logs")) {
                Files.createDirectories(dataDir.resolve(sub));
            }
        } catch (IOException | SecurityException e) {
            throw new EmulatorException(Reason.DATA_DIR_UNUSABLE, "cannot use data folder " + dataDir + ": " + e, e);
        }
        if (!Files.isReadable(dataDir) || !Files.isWritable(dataDir)) {
            throw new EmulatorException(Reason.DATA_DIR_UNUSABLE, "data folder " + dataDir
                    + " must be readable and writable by this user");
        }
    }

    /** Under the build's {@code target/} when run from a module (tests), else the temp folder. */
    private static Path inMemoryLogDir() {
        try {
            Path target = Path.of("target");
            Path dir = Files.isDirectory(target)
                    ? target.resolve("emulator-logs")
                    : Path.of(System.getProperty("java.io.tmpdir"), "edgemesh-emulators-" + ProcessHandle.current().pid());
            return Files.createDirectories(dir.toAbsolutePath());
        } catch (IOException e) {
            throw new EmulatorException(Reason.START_FAILED, "cannot create a log folder: " + e, e);
        }
    }

    // ---- endpoints and clients ----------------------------------------------------------------

    public URI dynamoDbEndpoint() { return children.get(Kind.DYNAMODB).endpoint(); }

    public URI sqsEndpoint() { return children.get(Kind.SQS).endpoint(); }

    public URI s3Endpoint() { return children.get(Kind.S3).endpoint(); }

    public String region() { return REGION; }

    public DynamoDbClient dynamoDb() { return dynamoDb; }

    public SqsClient sqs() { return sqs; }

    public S3Client s3() { return s3; }

    public S3Presigner s3Presigner() { return presigner; }

    public EmulatorOptions options() { return options; }

    /** Folder holding each child's log ({@code dynamodb.log}, {@code sqs.log}, {@code s3.log}). */
    public Path logDir() { return logDir; }

    /** From {@link #start} to every server answering. */
    public Duration startupTime() { return startupTime; }

    // ---- resources -----------------------------------------------------------------------------

    /**
     * Creates every table (keys, indexes, TTL), queue (DLQ, redrive, FIFO, visibility, retention)
     * and bucket of {@link EdgeMeshResources} as {@code <prefix>-<logical>}. Idempotent: existing
     * resources and their data are kept.
     *
     * @throws IllegalArgumentException if the prefix is not 1-40 of {@code [a-z0-9-]}
     * @throws EmulatorException        ({@link Reason#PROVISION_FAILED}) if a server refuses
     */
    public Provisioned provision(String prefix) {
        Provisioner.checkPrefix(prefix);
        checkOpen();
        try {
            Provisioned result = new Provisioner(dynamoDb, sqs, s3).provision(prefix);
            provisioned.put(prefix, result);
            return result;
        } catch (RuntimeException e) {
            throw new EmulatorException(Reason.PROVISION_FAILED, "provisioning prefix " + prefix + " failed: " + e, e);
        }
    }

    /**
     * The environment a function gets for {@code prefix} (provisioning it first if needed):
     * {@code EDGEMESH_PREFIX}, {@code EDGEMESH_TABLE_*}, {@code EDGEMESH_QUEUE_*} (URLs, dead-letter
     * queues included as {@code *_DLQ}), {@code EDGEMESH_BUCKET_*}, {@code EDGEMESH_ENDPOINT_*},
     * {@code AWS_REGION} and the access key pair.
     */
    public Map<String, String> environment(String prefix) {
        Provisioned p = provisioned.get(prefix);
        if (p == null) {
            p = provision(prefix);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put(Names.ENV_PREFIX, prefix);
        for (TableDef table : EdgeMeshResources.TABLES) {
            env.put(Names.tableEnv(table.name()), p.table(table.name()));
        }
        for (QueueDef queue : EdgeMeshResources.QUEUES) {
            env.put(Names.queueEnv(queue.name()), p.queueUrl(queue.name()));
            env.put(Names.queueEnv(queue.dlqName()), p.queueUrl(queue.dlqName()));
        }
        for (BucketDef bucket : EdgeMeshResources.BUCKETS) {
            env.put(Names.bucketEnv(bucket.name()), p.bucket(bucket.name()));
        }
        env.put(Names.ENV_ENDPOINT_DYNAMODB, dynamoDbEndpoint().toString());
        env.put(Names.ENV_ENDPOINT_SQS, sqsEndpoint().toString());
        env.put(Names.ENV_ENDPOINT_S3, s3Endpoint().toString());
        env.put(Names.ENV_REGION, REGION);
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
        return env;
    }

    // ---- health --------------------------------------------------------------------------------

    /** Every child process is alive and its port answers HTTP. */
    public boolean healthy() {
        if (closed) {
            return false;
        }
        for (ChildServer child : children.values()) {
            if (!child.answering(Duration.ofSeconds(1))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Per server ({@code dynamodb}, {@code sqs}, {@code s3}): {@code status} ({@code up}/{@code down}),
     * {@code name}, {@code endpoint}, {@code pid}, {@code persistent}. Every value is a map, ready for JSON.
     */
    public Map<String, Object> health() {
        Map<String, Object> servers = new LinkedHashMap<>();
        for (ChildServer child : children.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", child.kind().label());
            entry.put("status", !closed && child.answering(Duration.ofSeconds(1)) ? "up" : "down");
            entry.put("endpoint", child.endpoint().toString());
            entry.put("pid", child.pid());
            entry.put("persistent", options.dataDir() != null);
            servers.put(child.kind().id(), entry);
        }
        return servers;
    }

    // ---- lifecycle ----------------------------------------------------------------------------

    /** Stops the servers cleanly and releases the data folder. A no-op on {@link #shared()}. */
    @Override
    public void close() {
        if (!isShared) {
            stop();
        }
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> clients = new ArrayList<>(List.of(dynamoDb, sqs, s3, presigner, http));
        for (AutoCloseable client : clients) {
            try {
                client.close();
            } catch (Exception e) {
                // closing clients of a server going away: nothing to recover
            }
        }
        // ask all three first so they shut down in parallel, then wait for each
        children.values().forEach(ChildServer::requestStop);
        children.values().forEach(ChildServer::close);
        if (lock != null) {
            lock.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("emulators are closed");
        }
    }
}
