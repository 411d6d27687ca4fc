package io.edgemesh.tinyml.it;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.Json;
import io.edgemesh.common.invoke.Envelopes;
import io.edgemesh.common.invoke.internal.InvokeWire;
import io.edgemesh.emulators.Emulators;
import io.edgemesh.envelope.Call;
import io.edgemesh.envelope.EnvelopeSigner;
import io.edgemesh.envelope.Traceparent;
import io.edgemesh.events.EdgeMeshEvent;
import io.edgemesh.events.EdgeMeshEvents;
import io.edgemesh.events.EventSources;
import io.edgemesh.events.OutgoingEvent;
import io.edgemesh.events.ReceivedEvent;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.Names;
import io.edgemesh.tinyml.IndexerHandler;
import io.edgemesh.tinyml.SearchHandler;
import io.edgemesh.tinyml.TinyMlWiring;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The emulators, the two handlers wired to them, and helpers to upload, deliver and search. */
final class TinyMlFixture {
    static final String PREFIX = Names.DEFAULT_PREFIX;
    static final String KEYS = "k1:" + Base64.getEncoder().encodeToString("tiny-ml-it-envelope-key-32-bytes".getBytes());

    final Emulators emulators = Emulators.shared();
    final Map<String, String> env;
    final IndexerHandler indexer;
    final SearchHandler search;
    private final EnvelopeSigner signer;
    /** tenant-events messages received so far, by tenant (the queue is shared by every test). */
    private static final Map<String, List<ReceivedEvent<EdgeMeshEvent>>> TENANT_EVENTS = new ConcurrentHashMap<>();

    TinyMlFixture() {
        Map<String, String> e = new HashMap<>(emulators.environment(PREFIX));
        e.put(Names.ENV_ENVELOPE_KEYS, KEYS);
        e.put(TinyMlWiring.ENV_DIR, Path.of("target", "it-tmp", UUID.randomUUID().toString()).toAbsolutePath().toString());
        e.put(TinyMlWiring.ENV_VERSION_TTL_MS, "0"); // a test sees a new version on its next query
        this.env = Map.copyOf(e);
        this.indexer = new IndexerHandler(with(EdgeMeshResources.INDEXER.name()));
        this.search = new SearchHandler(with(EdgeMeshResources.SEARCH.name()));
        FunctionConfig orchestrator = FunctionConfig.of(with(EdgeMeshResources.ORCHESTRATOR.name()));
        this.signer = Envelopes.signer(Envelopes.keySource(orchestrator, null, Clock.systemUTC()), Clock.systemUTC());
    }

    Map<String, String> with(String functionName) {
        Map<String, String> m = new HashMap<>(env);
        m.put(Names.ENV_FUNCTION_NAME, functionName);
        return m;
    }

    FunctionConfig config(String functionName) {
        return FunctionConfig.of(with(functionName));
    }

    String bucket(String logical) {
        return env.get(Names.bucketEnv(logical));
    }

    String table(String logical) {
        return env.get(Names.tableEnv(logical));
    }

    String queue(String logical) {
        return env.get(Names.queueEnv(logical));
    }

    /** Puts a PDF under the tenant's incoming/ prefix with a scan-status tag, and its documents row. */
    String upload(String tenant, String documentId, byte[] pdf, String scanStatus) {
        String key = "tenants/" + tenant + "/incoming/" + documentId + ".pdf";
        emulators.s3().putObject(b -> b.bucket(bucket("uploads")).key(key).contentType("application/pdf"), RequestBody.fromBytes(pdf));
        try {
            emulators.s3().putObjectTagging(b -> b.bucket(bucket("uploads")).key(key).tagging(t -> t.tagSet(
                    software.amazon.awssdk.services.s3.model.Tag.builder().key("scan-status").value(scanStatus).build())));
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            // S3Proxy has no object tagging (501); the scanners then keep the status on the row only, as here
            if (e.statusCode() != 501) throw e;
        }
        emulators.dynamoDb().putItem(b -> b.tableName(table("documents")).item(Map.of(
                "tenantId", AttributeValue.fromS(tenant), "documentId", AttributeValue.fromS(documentId),
                "status", AttributeValue.fromS("indexing"), "scanStatus", AttributeValue.fromS(scanStatus),
                "filename", AttributeValue.fromS(documentId + ".pdf"))));
        return key;
    }

    Map<String, AttributeValue> documentRow(String tenant, String documentId) {
        return emulators.dynamoDb().getItem(b -> b.tableName(table("documents")).consistentRead(true).key(Map.of(
                "tenantId", AttributeValue.fromS(tenant), "documentId", AttributeValue.fromS(documentId)))).item();
    }

    Map<String, AttributeValue> versionRow(String tenant) {
        return emulators.dynamoDb().getItem(b -> b.tableName(table("index-versions")).consistentRead(true)
                .key(Map.of("tenantId", AttributeValue.fromS(tenant)))).item();
    }

    List<String> indexKeys(String tenant) {
        return emulators.s3().listObjectsV2Paginator(b -> b.bucket(bucket("index")).prefix("tenants/" + tenant + "/index/"))
                .contents().stream().map(o -> o.key()).sorted().toList();
    }

    /**
     * Sends the event to index-requests.fifo as a producer would, receives it as Lambda's event source
     * would, and runs the given handler on it; returns the batch response. A message the handler did not
     * fail is deleted; a failed one is left for the queue (visible again after its timeout).
     */
    SQSBatchResponse deliver(IndexerHandler handler, EdgeMeshEvent event) {
        OutgoingEvent out = EdgeMeshEvents.encode(event, EventSources.BACKBONE);
        String url = queue("index-requests.fifo");
        emulators.sqs().sendMessage(b -> b.queueUrl(url).messageBody(out.body()).messageGroupId(out.messageGroupId())
                .messageDeduplicationId(UUID.randomUUID().toString()));
        List<Message> received = emulators.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                .waitTimeSeconds(5).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        if (received.isEmpty()) throw new AssertionError("the event did not come back from " + url);
        SQSEvent sqsEvent = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message m : received) {
            SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
            r.setMessageId(m.messageId());
            r.setReceiptHandle(m.receiptHandle());
            r.setBody(m.body());
            Map<String, String> attrs = new HashMap<>();
            m.attributes().forEach((k, v) -> attrs.put(k.toString(), v));
            r.setAttributes(attrs);
            r.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:" + PREFIX + "-index-requests.fifo");
            records.add(r);
        }
        sqsEvent.setRecords(records);
        SQSBatchResponse response = handler.handleRequest(sqsEvent, null);
        for (Message m : received) {
            boolean failed = response.getBatchItemFailures().stream().anyMatch(f -> f.getItemIdentifier().equals(m.messageId()));
            if (failed) {
                // make it visible again at once, as a retry would find it
                emulators.sqs().changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
            } else {
                emulators.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
        return response;
    }

    /** Takes a failed message back out of the queue and hands it to the handler again (the retry). */
    SQSBatchResponse redeliverPending(IndexerHandler handler) {
        String url = queue("index-requests.fifo");
        List<Message> received = emulators.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                .waitTimeSeconds(5).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        if (received.isEmpty()) throw new AssertionError("nothing to redeliver");
        SQSEvent sqsEvent = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message m : received) {
            SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
            r.setMessageId(m.messageId());
            r.setBody(m.body());
            Map<String, String> attrs = new HashMap<>();
            m.attributes().forEach((k, v) -> attrs.put(k.toString(), v));
            r.setAttributes(attrs);
            records.add(r);
        }
        sqsEvent.setRecords(records);
        SQSBatchResponse response = handler.handleRequest(sqsEvent, null);
        for (Message m : received) {
            if (response.getBatchItemFailures().stream().noneMatch(f -> f.getItemIdentifier().equals(m.messageId()))) {
                emulators.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
        return response;
    }

    /** Every tenant-events message for the tenant so far (drains the queue, filing others' by tenant). */
    List<ReceivedEvent<EdgeMeshEvent>> tenantEvents(String tenant) {
        String url = queue("tenant-events.fifo");
        while (true) {
            List<Message> ms = emulators.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            if (ms.isEmpty()) break;
            for (Message m : ms) {
                ReceivedEvent<EdgeMeshEvent> e = EdgeMeshEvents.read(m.body());
                TENANT_EVENTS.computeIfAbsent(e.data().tenantId(), t -> new ArrayList<>()).add(e);
                emulators.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
        return List.copyOf(TENANT_EVENTS.getOrDefault(tenant, List.of()));
    }

    /** A signed invocation of search, as Layer 6 makes it; returns {status, body|error}. */
    JsonNode invokeSearch(String tenant, Object body) {
        return invoke(tenant, "orchestration", SearchHandler.OPERATION, body);
    }

    JsonNode invoke(String tenant, String sourceLayer, String operation, Object body) {
        var signed = signer.sign(new Call(tenant, sourceLayer, "tiny-ml", operation, UUID.randomUUID().toString(),
                Traceparent.orNew(null)), Json.writeBytes(body));
        byte[] answer = search.answer(InvokeWire.request(signed));
        return Json.parse(answer);
    }
}
