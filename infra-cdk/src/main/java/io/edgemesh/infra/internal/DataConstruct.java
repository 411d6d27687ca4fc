package io.edgemesh.infra.internal;

import io.edgemesh.infra.MeshSpec;
import io.edgemesh.routes.Attr;
import io.edgemesh.routes.BucketDef;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.FunctionDef;
import io.edgemesh.routes.Names;
import io.edgemesh.routes.QueueDef;
import io.edgemesh.routes.TableDef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.EventType;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.NotificationKeyFilter;
import software.amazon.awscdk.services.s3.ObjectLockRetention;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.notifications.SnsDestination;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.SqsSubscription;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Tables, queues (each with its DLQ), buckets, the upload fan-out and the secrets, generated from
 * {@link EdgeMeshResources}. One customer-managed KMS key (rotated yearly) encrypts all of it.
 */
public final class DataConstruct extends Construct {

    private final Key key;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Queue> queues = new LinkedHashMap<>();
    private final Map<String, Queue> dlqs = new LinkedHashMap<>();
    private final Map<String, Bucket> buckets = new LinkedHashMap<>();
    private final Topic uploadTopic;
    private final Secret envelopeKeys;
    private final Secret adminToken;
    private final Secret sessionKey;

    public DataConstruct(Construct scope, String id, MeshSpec spec) {
        super(scope, id);
        RemovalPolicy removal = spec.retainData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

        this.key = Key.Builder.create(this, "DataKey")
                .description("EdgeMesh data key (" + spec.prefix() + "): tables, queues, buckets, topics, secrets")
                .enableKeyRotation(true)
                .removalPolicy(removal)
                .build();
        // S3 publishes object-created events to the encrypted topic; SNS delivers to encrypted queues.
        key.grant(new ServicePrincipal("s3.amazonaws.com"), "kms:GenerateDataKey", "kms:Decrypt");
        key.grant(new ServicePrincipal("sns.amazonaws.com"), "kms:GenerateDataKey", "kms:Decrypt");

        for (TableDef def : EdgeMeshResources.TABLES) {
            tables.put(def.name(), table(def, spec, removal));
        }
        for (QueueDef def : EdgeMeshResources.QUEUES) {
            queue(def, spec);
        }

        Bucket accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                // S3 server access logging can only deliver to SSE-S3 buckets.
                .encryption(BucketEncryption.S3_MANAGED)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
                .versioned(true)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-access-logs").expiration(Duration.days(90)).build()))
                .removalPolicy(removal)
                .autoDeleteObjects(!spec.retainData())
                .build();

        for (BucketDef def : EdgeMeshResources.BUCKETS) {
            buckets.put(def.name(), bucket(def, spec, removal, accessLogs));
        }

        // Fan-out: uploads bucket -> SNS (raw delivery keeps the exact S3Event JSON) -> one queue per scanner.
        this.uploadTopic = Topic.Builder.create(this, "UploadEvents")
                .topicName(spec.prefix() + "-upload-events")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        var fanout = EdgeMeshResources.UPLOAD_FANOUT;
        // S3 filters take a literal prefix; "tenants/" is the widest literal part of the key pattern,
        // and the scanners ignore keys outside tenants/*/incoming/*.
        String literalPrefix = fanout.keyPattern().substring(0, fanout.keyPattern().indexOf('*'));
        buckets.get(fanout.bucket()).addEventNotification(EventType.OBJECT_CREATED, new SnsDestination(uploadTopic),
                NotificationKeyFilter.builder().prefix(literalPrefix).build());
        for (String q : fanout.queues()) {
            uploadTopic.addSubscription(SqsSubscription.Builder.create(queues.get(q)).rawMessageDelivery(true).build());
        }

        this.envelopeKeys = Secret.Builder.create(this, "EnvelopeKeys")
                .secretName(spec.prefix() + "/envelope-keys")
                .description("HMAC key ring for signed invocations between layers: {\"primary\":kid, kid: key}")
                .encryptionKey(key)
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate("{\"primary\":\"k1\"}").generateStringKey("k1")
                        .passwordLength(64).excludePunctuation(true).build())
                .removalPolicy(removal)
                .build();
        this.adminToken = Secret.Builder.create(this, "AdminToken")
                .secretName(spec.prefix() + "/admin-token")
                .description("Bearer token of the admin API")
                .encryptionKey(key)
                .generateSecretString(SecretStringGenerator.builder().passwordLength(48).excludePunctuation(true).build())
                .removalPolicy(removal)
                .build();
        this.sessionKey = Secret.Builder.create(this, "SessionKey")
                .secretName(spec.prefix() + "/session-key")
                .description("HS256 key of the widget session tokens")
                .encryptionKey(key)
                .generateSecretString(SecretStringGenerator.builder().passwordLength(64).excludePunctuation(true).build())
                .removalPolicy(removal)
                .build();
    }

    private Table table(TableDef def, MeshSpec spec, RemovalPolicy removal) {
        var b = Table.Builder.create(this, "Table-" + def.name())
                .tableName(Names.physical(spec.prefix(), def.name()))
                .partitionKey(attr(def.partitionKey()))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
                .encryption(TableEncryption.CUSTOMER_MANAGED)
                .encryptionKey(key)
                .deletionProtection(spec.retainData())
                .removalPolicy(removal);
        def.sortKeyOpt().ifPresent(sk -> b.sortKey(attr(sk)));
        def.ttl().ifPresent(b::timeToLiveAttribute);
        Table t = b.build();
        for (TableDef.IndexDef ix : def.indexes()) {
            var gsi = GlobalSecondaryIndexProps.builder().indexName(ix.name()).partitionKey(attr(ix.partitionKey()));
            if (ix.sortKey() != null) gsi.sortKey(attr(ix.sortKey()));
            t.addGlobalSecondaryIndex(gsi.build());
        }
        return t;
    }

    private static Attribute attr(Attr a) {
        AttributeType type = switch (a.type()) {
            case "N" -> AttributeType.NUMBER;
            case "B" -> AttributeType.BINARY;
            default -> AttributeType.STRING;
        };
        return Attribute.builder().name(a.name()).type(type).build();
    }

    private void queue(QueueDef def, MeshSpec spec) {
        int consumerTimeout = EdgeMeshResources.FUNCTIONS.stream()
                .filter(f -> f.sources().stream().anyMatch(s -> s.queue().equals(def.name())))
                .mapToInt(FunctionDef::timeoutSeconds).max().orElse(30);
        // AWS guidance: visibility timeout at least six times the consumer's timeout.
        int visibility = Math.max(def.visibilityTimeoutSeconds(), 6 * consumerTimeout);
        Queue dlq = Queue.Builder.create(this, "Dlq-" + def.dlqName())
                .queueName(Names.physical(spec.prefix(), def.dlqName()))
                .fifo(def.fifo() ? Boolean.TRUE : null)
                .encryption(QueueEncryption.KMS)
                .encryptionMasterKey(key)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        Queue q = Queue.Builder.create(this, "Queue-" + def.name())
                .queueName(Names.physical(spec.prefix(), def.name()))
                .fifo(def.fifo() ? Boolean.TRUE : null)
                .contentBasedDeduplication(def.fifo() ? Boolean.FALSE : null)
                .encryption(QueueEncryption.KMS)
                .encryptionMasterKey(key)
                .enforceSsl(true)
                .visibilityTimeout(Duration.seconds(visibility))
                .retentionPeriod(Duration.seconds(def.retentionSeconds()))
                .deadLetterQueue(DeadLetterQueue.builder().queue(dlq).maxReceiveCount(def.maxReceiveCount()).build())
                .build();
        queues.put(def.name(), q);
        dlqs.put(def.name(), dlq);
    }

    private Bucket bucket(BucketDef def, MeshSpec spec, RemovalPolicy removal, Bucket accessLogs) {
        var b = Bucket.Builder.create(this, "Bucket-" + def.name())
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .encryption(BucketEncryption.KMS)
                .encryptionKey(key)
                .bucketKeyEnabled(true)
                .versioned(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix(def.name() + "/")
                .removalPolicy(removal)
                .autoDeleteObjects(!spec.retainData() && !def.objectLock());
        if (def.objectLock()) {
            b.objectLockEnabled(true).objectLockDefaultRetention(ObjectLockRetention.governance(Duration.days(365)));
        }
        if (def.name().equals(EdgeMeshResources.UPLOADS.name())) {
            // Quarantined objects carry scan-status=INFECTED; S3 filters cannot wildcard the tenant segment.
            b.lifecycleRules(List.of(
                    LifecycleRule.builder().id("expire-quarantine")
                            .tagFilters(Map.of("scan-status", "INFECTED"))
                            .expiration(Duration.days(EdgeMeshResources.QUARANTINE_EXPIRY_DAYS)).build(),
                    LifecycleRule.builder().id("expire-old-versions")
                            .noncurrentVersionExpiration(Duration.days(7))
                            .abortIncompleteMultipartUploadAfter(Duration.days(1)).build()));
        } else if (!def.objectLock()) {
            b.lifecycleRules(List.of(LifecycleRule.builder().id("expire-old-versions")
                    .noncurrentVersionExpiration(Duration.days(7)).build()));
        }
        return b.build();
    }

    public Key key() { return key; }

    public Table table(String logical) { return tables.get(logical); }

    public Queue queue(String logical) { return queues.get(logical); }

    public Map<String, Queue> queues() { return queues; }

    public Map<String, Queue> deadLetterQueues() { return dlqs; }

    public Bucket bucket(String logical) { return buckets.get(logical); }

    public Topic uploadTopic() { return uploadTopic; }

    public Secret envelopeKeys() { return envelopeKeys; }

    public Secret adminToken() { return adminToken; }

    public Secret sessionKey() { return sessionKey; }
}
