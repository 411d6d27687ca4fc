package io.edgemesh.common.aws;

import io.edgemesh.common.FunctionConfig;
import io.edgemesh.routes.Names;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS SDK clients a function uses, built once from its {@link FunctionConfig} and only when
 * first asked for (a function that never touches S3 never pays for an S3 client at cold start).
 *
 * <p>The same code runs in Lambda and against the embedded servers: {@code EDGEMESH_ENDPOINT_*}
 * overrides an endpoint; S3 then switches to path-style addressing (S3Proxy has no virtual hosts) and
 * both S3 and its presigner send checksums only when an operation requires them, because SDK 2.30+
 * CRC32 headers make S3Proxy answer 501. Credentials come from {@code AWS_ACCESS_KEY_ID} /
 * {@code AWS_SECRET_ACCESS_KEY} / {@code AWS_SESSION_TOKEN} in an explicit config map (several
 * functions share one JVM locally, each with its own map); from the process environment the default
 * chain is used, so keys are re-resolved after a SnapStart restore instead of being frozen.
 */
public final class AwsClients implements AutoCloseable {
    /** Invocations of other layers may run as long as the slowest layer's timeout (generate: 60 s). */
    static final Duration LAMBDA_SOCKET_TIMEOUT = Duration.ofSeconds(90);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final Optional<URI> dynamoDbEndpoint;
    private final Optional<URI> sqsEndpoint;
    private final Optional<URI> s3Endpoint;
    private final Optional<URI> lambdaEndpoint;
    private final Optional<URI> secretsManagerEndpoint;
    private final List<AutoCloseable> created = new ArrayList<>();

    private final Lazy<DynamoDbClient> dynamoDb = new Lazy<>(this::buildDynamoDb);
    private final Lazy<DynamoDbEnhancedClient> dynamoDbEnhanced =
            new Lazy<>(() -> DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb()).build());
    private final Lazy<SqsClient> sqs = new Lazy<>(this::buildSqs);
    private final Lazy<S3Client> s3 = new Lazy<>(this::buildS3);
    private final Lazy<S3Presigner> s3Presigner = new Lazy<>(this::buildS3Presigner);
    private final Lazy<LambdaClient> lambda = new Lazy<>(this::buildLambda);
    private final Lazy<SecretsManagerClient> secretsManager = new Lazy<>(this::buildSecretsManager);

    private AwsClients(FunctionConfig config) {
        this.region = Region.of(config.region());
        this.credentials = credentials(config);
        this.dynamoDbEndpoint = endpoint(config, Names.ENV_ENDPOINT_DYNAMODB);
        this.sqsEndpoint = endpoint(config, Names.ENV_ENDPOINT_SQS);
        this.s3Endpoint = endpoint(config, Names.ENV_ENDPOINT_S3);
        this.lambdaEndpoint = endpoint(config, Names.ENV_ENDPOINT_LAMBDA);
        this.secretsManagerEndpoint = endpoint(config, Names.ENV_ENDPOINT_SECRETSMANAGER);
    }

    /** Validates the configuration now (a bad endpoint fails at init, naming the variable); builds nothing yet. */
    public static AwsClients from(FunctionConfig config) {
        return new AwsClients(config);
    }

    public Region region() { return region; }

    public AwsCredentialsProvider credentialsProvider() { return credentials; }

    public Optional<URI> s3Endpoint() { return s3Endpoint; }

    public DynamoDbClient dynamoDb() { return dynamoDb.get(); }

    public DynamoDbEnhancedClient dynamoDbEnhanced() { return dynamoDbEnhanced.get(); }

    public SqsClient sqs() { return sqs.get(); }

    public S3Client s3() { return s3.get(); }

    public S3Presigner s3Presigner() { return s3Presigner.get(); }

    public LambdaClient lambda() { return lambda.get(); }

    public SecretsManagerClient secretsManager() { return secretsManager.get(); }

    private DynamoDbClient buildDynamoDb() {
        return track(configure(DynamoDbClient.builder(), dynamoDbEndpoint)
                .httpClientBuilder(http(SOCKET_TIMEOUT)).build());
    }

    private SqsClient buildSqs() {
        return track(configure(SqsClient.builder(), sqsEndpoint).httpClientBuilder(http(SOCKET_TIMEOUT)).build());
    }

    private S3Client buildS3() {
        return track(configure(S3Client.builder(), s3Endpoint)
                .httpClientBuilder(http(SOCKET_TIMEOUT))
                .forcePathStyle(s3Endpoint.isPresent())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build());
    }

    private S3Presigner buildS3Presigner() {
        S3Presigner.Builder b = S3Presigner.builder()
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(s3Endpoint.isPresent())
                        .checksumValidationEnabled(false)
                        .build());
        s3Endpoint.ifPresent(b::endpointOverride);
        return track(b.build());
    }

    private LambdaClient buildLambda() {
        return track(configure(LambdaClient.builder(), lambdaEndpoint).httpClientBuilder(http(LAMBDA_SOCKET_TIMEOUT)).build());
    }

    private SecretsManagerClient buildSecretsManager() {
        return track(configure(SecretsManagerClient.builder(), secretsManagerEndpoint)
                .httpClientBuilder(http(SOCKET_TIMEOUT)).build());
    }

    private <B extends AwsClientBuilder<B, C>, C> B configure(B builder, Optional<URI> endpoint) {
        builder.region(region).credentialsProvider(credentials);
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    private static UrlConnectionHttpClient.Builder http(Duration socketTimeout) {
        return UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(socketTimeout);
    }

    private synchronized <T extends AutoCloseable> T track(T client) {
        created.add(client);
        return client;
    }

    static AwsCredentialsProvider credentials(FunctionConfig config) {
        if (!config.isProcessEnvironment()) {
            Optional<String> key = config.get("AWS_ACCESS_KEY_ID");
            Optional<String> secret = config.get("AWS_SECRET_ACCESS_KEY");
            if (key.isPresent() && secret.isPresent()) {
                Optional<String> token = config.get("AWS_SESSION_TOKEN");
                return StaticCredentialsProvider.create(token.isPresent()
                        ? AwsSessionCredentials.create(key.get(), secret.get(), token.get())
                        : AwsBasicCredentials.create(key.get(), secret.get()));
            }
        }
        return DefaultCredentialsProvider.builder().build();
    }

    static Optional<URI> endpoint(FunctionConfig config, String variable) {
        return config.get(variable).map(v -> {
            try {
                URI uri = new URI(v.trim());
                if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    throw new IllegalStateException(variable + " must be an http(s) URL with a host: " + v);
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new IllegalStateException(variable + " is not a valid URL: " + v, e);
            }
        });
    }

    /** Closes the clients that were built; the ones never asked for were never created. */
    @Override
    public synchronized void close() {
        for (AutoCloseable c : created) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing is best effort at shutdown; one failing client must not keep the others open
            }
        }
        created.clear();
    }

    /** A thread-safe memoising supplier: handlers may be called concurrently locally. */
    private static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> factory;
        private volatile T value;

        Lazy(Supplier<T> factory) { this.factory = factory; }

        @Override
        public T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) value = v = factory.get();
                }
            }
            return v;
        }
    }
}
