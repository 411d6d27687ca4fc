package io.edgemesh.emulators.internal;

import io.edgemesh.emulators.Provisioned;
import io.edgemesh.routes.Attr;
import io.edgemesh.routes.BucketDef;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.Names;
import io.edgemesh.routes.QueueDef;
import io.edgemesh.routes.TableDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/**
 * Creates every table, queue (with its dead-letter queue) and bucket of {@link EdgeMeshResources}
 * under a prefix. Idempotent: existing resources are kept (their data too) and queue attributes are
 * brought back to the definitions, so a restart on a data folder after a definition change converges.
 */
public final class Provisioner {

    /** Lower-case because bucket names must be; short enough for every physical name to fit. */
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /** Dead letters are kept as long as SQS allows, so a failure can still be inspected days later. */
    static final int DLQ_RETENTION_SECONDS = 1_209_600;

    private static final int PARALLELISM = 8;

    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final S3Client s3;

    public Provisioner(DynamoDbClient dynamoDb, SqsClient sqs, S3Client s3) {
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.s3 = s3;
    }

    public static String checkPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("prefix must be 1-40 characters of a-z, 0-9 and '-', starting with a letter or digit: " + prefix);
        }
        return prefix;
    }

    public Provisioned provision(String prefix) {
        checkPrefix(prefix);
        Map<String, String> tables = new ConcurrentHashMap<>();
        Map<String, String> urls = new ConcurrentHashMap<>();
        Map<String, String> arns = new ConcurrentHashMap<>();
        Map<String, String> buckets = new ConcurrentHashMap<>();
        // about fifty round trips to three servers that each work in parallel: sequential calls
        // would spend most of the time waiting
        List<Runnable> work = new ArrayList<>();
        for (TableDef table : EdgeMeshResources.TABLES) {
            work.add(() -> tables.put(table.name(), createTable(prefix, table)));
        }
        for (QueueDef queue : EdgeMeshResources.QUEUES) {
            work.add(() -> createQueue(prefix, queue, urls, arns));
        }
        for (BucketDef bucket : EdgeMeshResources.BUCKETS) {
            work.add(() -> buckets.put(bucket.name(), createBucket(prefix, bucket)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(PARALLELISM, runnable -> {
            Thread thread = new Thread(runnable, "emulators-provision");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable task : work) {
                futures.add(pool.submit(task));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning " + prefix, e);
        } finally {
            pool.shutdownNow();
        }
        return new Provisioned(prefix, tables, urls, arns, buckets);
    }

    private String createTable(String prefix, TableDef def) {
        String name = Names.physical(prefix, def.name());
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        List<KeySchemaElement> key = keySchema(def.partitionKey(), def.sortKey(), attributes);
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (TableDef.IndexDef index : def.indexes()) {
            indexes.add(GlobalSecondaryIndex.builder().indexName(index.name())
                    .keySchema(keySchema(index.partitionKey(), index.sortKey(), attributes))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build());
        }
        try {
            dynamoDb.createTable(b -> {
                b.tableName(name).keySchema(key).attributeDefinitions(attributes.values())
                        .billingMode(BillingMode.PAY_PER_REQUEST);
                if (!indexes.isEmpty()) {
                    b.globalSecondaryIndexes(indexes);
                }
            });
        } catch (ResourceInUseException exists) {
            // created earlier (data folder or an earlier provision call): keep it and its items
        }
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(name));
        def.ttl().ifPresent(attribute -> {
            TimeToLiveStatus status = dynamoDb.describeTimeToLive(b -> b.tableName(name))
                    .timeToLiveDescription().timeToLiveStatus();
            if (status != TimeToLiveStatus.ENABLED && status != TimeToLiveStatus.ENABLING) {
                dynamoDb.updateTimeToLive(b -> b.tableName(name)
                        .timeToLiveSpecification(t -> t.enabled(true).attributeName(attribute)));
            }
        });
        return name;
    }

    private static List<KeySchemaElement> keySchema(Attr partition, Attr sort, Map<String, AttributeDefinition> attributes) {
        List<KeySchemaElement> key = new ArrayList<>();
        key.add(KeySchemaElement.builder().attributeName(partition.name()).keyType(KeyType.HASH).build());
        attributes.putIfAbsent(partition.name(), AttributeDefinition.builder()
                .attributeName(partition.name()).attributeType(partition.type()).build());
        if (sort != null) {
            key.add(KeySchemaElement.builder().attributeName(sort.name()).keyType(KeyType.RANGE).build());
            attributes.putIfAbsent(sort.name(), AttributeDefinition.builder()
                    .attributeName(sort.name()).attributeType(sort.type()).build());
        }
        return key;
    }

    private void createQueue(String prefix, QueueDef def, Map<String, String> urls, Map<String, String> arns) {
        Map<QueueAttributeName, String> dlqAttributes = new HashMap<>();
        dlqAttributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(def.visibilityTimeoutSeconds()));
        dlqAttributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, Integer.toString(DLQ_RETENTION_SECONDS));
        fifoAttributes(def, dlqAttributes);
        String dlqUrl = createOrUpdateQueue(Names.physical(prefix, def.dlqName()), dlqAttributes);
        String dlqArn = queueArn(dlqUrl);
        urls.put(def.dlqName(), dlqUrl);
        arns.put(def.dlqName(), dlqArn);

        Map<QueueAttributeName, String> attributes = new HashMap<>();
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(def.visibilityTimeoutSeconds()));
        attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, Integer.toString(def.retentionSeconds()));
        attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn
                + "\",\"maxReceiveCount\":" + def.maxReceiveCount() + "}");
        fifoAttributes(def, attributes);
        String url = createOrUpdateQueue(Names.physical(prefix, def.name()), attributes);
        urls.put(def.name(), url);
        arns.put(def.name(), queueArn(url));
    }

    private static void fifoAttributes(QueueDef def, Map<QueueAttributeName, String> attributes) {
        if (def.fifo()) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            // producers always set MessageDeduplicationId = event id (CONTRACTS.md, Queues)
            attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false");
        }
    }

    private String createOrUpdateQueue(String name, Map<QueueAttributeName, String> attributes) {
        try {
            return sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
        } catch (QueueNameExistsException differentAttributes) {
            // kept from an earlier run with other definitions: keep its messages, adopt the new attributes
            String url = sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
            Map<QueueAttributeName, String> mutable = new HashMap<>(attributes);
            mutable.remove(QueueAttributeName.FIFO_QUEUE);
            sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(mutable));
            return url;
        }
    }

    private String queueArn(String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private String createBucket(String prefix, BucketDef def) {
        String name = Names.physical(prefix, def.name());
        try {
            s3.createBucket(b -> b.bucket(name));
        } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException exists) {
            // kept from an earlier run
        } catch (S3Exception e) {
            if (e.statusCode() != 409) {
                throw e;
            }
        }
        return name;
    }
}
