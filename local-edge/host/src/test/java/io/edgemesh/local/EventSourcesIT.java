package io.edgemesh.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import io.edgemesh.emulators.Emulators;
import io.edgemesh.local.support.Await;
import io.edgemesh.local.support.RecordingSqsHandler;
import io.edgemesh.routes.EdgeMeshResources;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The SQS event sources on the real ElasticMQ: the catalog's own queues and event source
 * definitions (scan-type: batch 5, window 1 s, 3 receives; index-requests.fifo: batch 10), with
 * tiny recording handlers in place of the functions. Visibility timeouts are cut to 3 s through the
 * SQS API so retries happen within the test.
 */
class EventSourcesIT {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String PREFIX = "it-sqs";

    private static final RecordingSqsHandler scanner = new RecordingSqsHandler(
            m -> m.getBody().contains("poison") || (m.getBody().contains("fail-once")
                    && "1".equals(m.getAttributes().get("ApproximateReceiveCount"))));
    private static final RecordingSqsHandler indexer = new RecordingSqsHandler(m -> false);
    private static final RecordingSqsHandler secrets = new RecordingSqsHandler(m -> false);
    private static LocalEdge edge;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        Emulators emulators = Emulators.shared();
        sqs = emulators.sqs();
        var provisioned = emulators.provision(PREFIX);
        for (String queue : List.of(EdgeMeshResources.SCAN_TYPE.name(), EdgeMeshResources.SCAN_SECRETS.name(),
                EdgeMeshResources.INDEX_REQUESTS.name())) {
            sqs.setQueueAttributes(b -> b.queueUrl(provisioned.queueUrl(queue))
                    .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "3")));
        }
        edge = LocalEdge.start(LocalEdgeConfig.inMemory().withEmulators(emulators).withPrefix(PREFIX).withDemoTenant(false)
                .withFunctions(FunctionFactory.of(Map.of("scan-type", env -> scanner, "indexer", env -> indexer,
                        "scan-secrets", env -> secrets))));
    }

    @AfterAll
    static void stop() {
        if (edge != null) edge.close();
    }

    private static String url(String queue) {
        return edge.provisioned().queueUrl(queue);
    }

    @Test
    void aMessageSentThroughTheSqsApiReachesItsHandlerAsAnSqsEvent() {
        // GIVEN a message on the scan-type queue
        String body = "{\"hello\":\"" + UUID.randomUUID() + "\"}";
        String id = sqs.sendMessage(b -> b.queueUrl(url("scan-type")).messageBody(body)).messageId();
        // WHEN the event source delivers it
        Await.until(WAIT, "delivery", () -> !scanner.deliveriesOf(body).isEmpty());
        // THEN the handler got an SQSEvent record as Lambda builds it, with a real Context
        RecordingSqsHandler.Delivery d = scanner.deliveriesOf(body).get(0);
        SQSEvent.SQSMessage m = d.message();
        assertThat(m.getMessageId()).isEqualTo(id);
        assertThat(m.getReceiptHandle()).isNotBlank();
        assertThat(m.getEventSource()).isEqualTo("aws:sqs");
        assertThat(m.getEventSourceArn()).isEqualTo(edge.provisioned().queueArn("scan-type"));
        assertThat(m.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(m.getMd5OfBody()).isNotBlank();
        assertThat(m.getAttributes()).containsEntry("ApproximateReceiveCount", "1").containsKey("SentTimestamp");
        assertThat(d.functionName()).isEqualTo(PREFIX + "-scan-type");
        assertThat(d.remainingMillis()).isPositive().isLessThanOrEqualTo(EdgeMeshResources.SCAN_TYPE_FN.timeoutSeconds() * 1000);
        // and the message is gone from the queue once processed
        Await.until(WAIT, "deletion", () -> depth("scan-type") == 0);
    }

    @Test
    void aPartialBatchFailureRetriesOnlyTheFailedMessage() {
        // GIVEN three messages sent together, one of which fails on its first delivery
        String run = UUID.randomUUID().toString();
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (String kind : List.of("ok-a", "fail-once", "ok-b")) {
            entries.add(SendMessageBatchRequestEntry.builder().id(kind).messageBody(kind + " " + run).build());
        }
        sqs.sendMessageBatch(b -> b.queueUrl(url("scan-type")).entries(entries));
        // WHEN the failed one comes back after the visibility timeout and succeeds
        Await.until(WAIT, "the retry", () -> scanner.deliveriesOf("fail-once " + run).size() == 2);
        Await.until(WAIT, "an empty queue", () -> depth("scan-type") == 0 && inFlight("scan-type") == 0);
        // THEN only it was delivered twice (second time with receive count 2) and the others once
        assertThat(scanner.deliveriesOf("ok-a " + run)).hasSize(1);
        assertThat(scanner.deliveriesOf("ok-b " + run)).hasSize(1);
        assertThat(scanner.deliveriesOf("fail-once " + run).get(1).message().getAttributes())
                .containsEntry("ApproximateReceiveCount", "2");
    }

    @Test
    void aMessageThatKeepsFailingLandsInTheDlqAfterMaxReceiveCountAndHealthShowsIt() throws Exception {
        // GIVEN a message its handler always fails
        String body = "poison " + UUID.randomUUID();
        sqs.sendMessage(b -> b.queueUrl(url("scan-type")).messageBody(body));
        // WHEN it has been received maxReceiveCount times
        Await.until(WAIT, "the DLQ", () -> depth("scan-type-dlq") == 1);
        // THEN the handler saw it exactly maxReceiveCount times and /health reports the DLQ depth
        assertThat(scanner.deliveriesOf(body)).hasSize(EdgeMeshResources.SCAN_TYPE.maxReceiveCount());
        JsonNode health = health();
        assertThat(health.path("queues").path("scan-type").path("dlqDepth").asLong()).isEqualTo(1);
        assertThat(health.path("queues").path("scan-type").path("dlq").asText()).isEqualTo("scan-type-dlq");
        var dlq = sqs.receiveMessage(b -> b.queueUrl(url("scan-type-dlq")).waitTimeSeconds(2)).messages();
        assertThat(dlq).extracting(software.amazon.awssdk.services.sqs.model.Message::body).containsExactly(body);
    }

    @Test
    void aThrowingHandlerFailsTheWholeBatch() {
        // GIVEN a message whose handler throws (on its own queue: a throw fails every message of its batch)
        String body = "throw " + UUID.randomUUID();
        sqs.sendMessage(b -> b.queueUrl(url("scan-secrets")).messageBody(body));
        // THEN it is not deleted: delivered again after the visibility timeout until redrive takes it
        Await.until(WAIT, "a redelivery", () -> secrets.deliveriesOf(body).size() >= 2);
        assertThat(secrets.deliveriesOf(body).get(1).message().getAttributes().get("ApproximateReceiveCount")).isEqualTo("2");
    }

    @Test
    void fifoMessagesOfOneGroupArriveInOrderOneBatchAtATime() {
        // GIVEN two tenants' messages interleaved on the FIFO queue
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String group = i % 3 == 0 ? "globex" : "acme";
            String body = run + " " + group + " " + i;
            sent.add(body);
            sqs.sendMessage(b -> b.queueUrl(url("index-requests.fifo")).messageBody(body).messageGroupId(group)
                    .messageDeduplicationId(UUID.randomUUID().toString()));
        }
        // WHEN all are processed
        Await.until(WAIT, "all FIFO messages", () -> indexer.deliveriesOf(run).size() == sent.size());
        // THEN within each group the order is the sending order, and batches never overlapped
        for (String group : List.of("acme", "globex")) {
            List<String> expected = sent.stream().filter(s -> s.contains(" " + group + " ")).toList();
            List<String> got = indexer.deliveriesOf(run + " " + group + " ").stream().map(d -> d.message().getBody()).toList();
            assertThat(got).containsExactlyElementsOf(expected);
        }
        assertThat(indexer.deliveriesOf(run).get(0).message().getAttributes()).containsKey("MessageGroupId");
        assertThat(indexer.maxConcurrentBatches()).isEqualTo(1);
    }

    private static long depth(String queue) {
        return Long.parseLong(sqs.getQueueAttributes(b -> b.queueUrl(url(queue))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private static long inFlight(String queue) {
        return Long.parseLong(sqs.getQueueAttributes(b -> b.queueUrl(url(queue))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static JsonNode health() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(edge.baseUrl() + "/health"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return Json.parse(r.body());
    }
}
