package io.edgemesh.analysis;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.edgemesh.analysis.internal.ScannerFunction;
import io.edgemesh.emulators.Emulators;
import io.edgemesh.emulators.Provisioned;
import io.edgemesh.events.EdgeMeshEvent;
import io.edgemesh.events.EdgeMeshEvents;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.QueueDef;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The four scanner handlers on the embedded servers, driven the way a Lambda SQS event source
 * drives them: receive a batch (with ApproximateReceiveCount), invoke, delete what succeeded, make
 * the failures visible again at once (standing in for the visibility timeout). Also plays Layer 7's
 * part (the document row at upload-create time) and S3's (the notification, key URL-encoded).
 */
final class ScannerHarness {
    final String prefix;
    final Map<String, String> env;
    final Provisioned resources;
    final DynamoDbClient dynamo;
    final S3Client s3;
    final SqsClient sqs;
    final String bucket;
    final Map<String, ScannerFunction> handlers = new LinkedHashMap<>();

    ScannerHarness(String prefix, Map<String, String> extraEnv) {
        Emulators emulators = Emulators.shared();
        this.prefix = prefix;
        this.resources = emulators.provision(prefix);
        Map<String, String> e = new HashMap<>(emulators.environment(prefix));
        e.putAll(extraEnv);
        this.env = Map.copyOf(e);
        this.dynamo = emulators.dynamoDb();
        this.s3 = emulators.s3();
        this.sqs = emulators.sqs();
        this.bucket = resources.bucket("uploads");
        handlers.put("scan-type", new TypeScanHandler(env));
        handlers.put("scan-active-content", new ActiveContentScanHandler(env));
        handlers.put("scan-signatures", new SignatureScanHandler(env));
        handlers.put("scan-secrets", new SecretsScanHandler(env));
        for (QueueDef q : EdgeMeshResources.QUEUES) {
            sqs.purgeQueue(b -> b.queueUrl(resources.queueUrl(q.name())));
            sqs.purgeQueue(b -> b.queueUrl(resources.queueUrl(q.dlqName())));
        }
    }

    /** What Layer 7 writes when it issues the upload URL. */
    void documentRow(String tenant, String doc, String contentType, long size) {
        dynamo.putItem(b -> b.tableName(resources.table("documents")).item(Map.of(
                "tenantId", AttributeValue.fromS(tenant), "documentId", AttributeValue.fromS(doc),
                "status", AttributeValue.fromS("awaiting_upload"), "fileName", AttributeValue.fromS(doc + ".pdf"),
                "contentType", AttributeValue.fromS(contentType), "sizeBytes", AttributeValue.fromN(Long.toString(size)),
                "createdAt", AttributeValue.fromS("2026-11-22T10:00:00Z"))));
    }

    void putObject(String key, byte[] bytes) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    /** A PDF upload: row, object, and the fan-out notification to every scanner queue. */
    void upload(String tenant, String doc, byte[] pdf) {
        documentRow(tenant, doc, "application/pdf", pdf.length);
        String key = "tenants/" + tenant + "/incoming/" + doc;
        putObject(key, pdf);
        notifyAll(key, pdf.length);
    }

    /** The notification S3 sends, to all four scanner queues (as the fan-out does). */
    void notifyAll(String key, long size) {
        String body = "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\","
                + "\"eventTime\":\"2026-11-22T10:15:30.000Z\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"s3SchemaVersion\":\"1.0\","
                + "\"bucket\":{\"name\":\"" + bucket + "\",\"arn\":\"arn:aws:s3:::" + bucket + "\"},"
                + "\"object\":{\"key\":\"" + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/") + "\",\"size\":" + size
                + ",\"sequencer\":\"0055AED6DCD90281E5\"}}}]}";
        for (QueueDef q : EdgeMeshResources.SCANNER_QUEUES) {
            sqs.sendMessage(b -> b.queueUrl(resources.queueUrl(q.name())).messageBody(body));
        }
    }

    /** Runs every scanner queue until all are empty; the four consumers run in parallel. */
    void drain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (var e : handlers.entrySet()) {
                running.add(pool.submit(() -> {
                    drainQueue(e.getKey(), e.getValue());
                    return null;
                }));
            }
            for (Future<?> f : running) f.get();
        } finally {
            pool.shutdownNow();
        }
    }

    private void drainQueue(String queue, ScannerFunction handler) {
        String url = resources.queueUrl(queue);
        String arn = resources.queueArn(queue);
        int idle = 0;
        while (idle < 2) {
            List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(5).waitTimeSeconds(0)
                    .messageSystemAttributeNamesWithStrings("All")).messages();
            if (got.isEmpty()) {
                // this consumer is the queue's only reader and releases failures at once, so two empty looks mean done
                idle++;
                sleep(100);
                continue;
            }
            idle = 0;
            SQSEvent event = new SQSEvent();
            List<SQSMessage> records = new ArrayList<>();
            for (Message m : got) {
                SQSMessage r = new SQSMessage();
                r.setMessageId(m.messageId());
                r.setReceiptHandle(m.receiptHandle());
                r.setBody(m.body());
                r.setEventSourceArn(arn);
                r.setEventSource("aws:sqs");
                r.setAttributes(new HashMap<>(m.attributesAsStrings()));
                records.add(r);
            }
            event.setRecords(records);
            SQSBatchResponse response = handler.handleRequest(event, null);
            Set<String> failed = response.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
            for (Message m : got) {
                if (failed.contains(m.messageId())) {
                    sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
                } else {
                    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
                }
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Map<String, AttributeValue> row(String tenant, String doc) {
        return dynamo.getItem(b -> b.tableName(resources.table("documents")).consistentRead(true).key(Map.of(
                "tenantId", AttributeValue.fromS(tenant), "documentId", AttributeValue.fromS(doc)))).item();
    }

    String status(String tenant, String doc) {
        Map<String, AttributeValue> r = row(tenant, doc);
        return r == null || !r.containsKey("status") ? null : r.get("status").s();
    }

    List<String> reasons(String tenant, String doc) {
        Map<String, AttributeValue> r = row(tenant, doc);
        return r.containsKey("reasons") ? r.get("reasons").l().stream().map(AttributeValue::s).toList() : List.of();
    }

    List<Map<String, AttributeValue>> scans(String tenant, String doc) {
        return dynamo.query(b -> b.tableName(resources.table("scans")).consistentRead(true)
                .keyConditionExpression("tenantId = :t AND begins_with(scanId, :d)")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenant), ":d", AttributeValue.fromS(doc + "#")))).items();
    }

    boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw e;
        }
    }

    /** Everything on a FIFO queue right now, as (group id, event) pairs; the messages are deleted. */
    List<Map.Entry<String, EdgeMeshEvent>> takeEvents(String queue) {
        String url = resources.queueUrl(queue);
        List<Map.Entry<String, EdgeMeshEvent>> out = new ArrayList<>();
        while (true) {
            List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNamesWithStrings("All")).messages();
            if (got.isEmpty()) return out;
            for (Message m : got) {
                out.add(Map.entry(m.attributesAsStrings().get("MessageGroupId"), EdgeMeshEvents.parse(m.body())));
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
    }

    int count(String queue) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(resources.queueUrl(queue))
                .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
                .attributesAsStrings().values().stream().mapToInt(Integer::parseInt).sum() + "");
    }

    Optional<String> attr(String tenant, String doc, String name) {
        Map<String, AttributeValue> r = row(tenant, doc);
        return r == null || !r.containsKey(name) ? Optional.empty() : Optional.ofNullable(r.get(name).s());
    }
}
