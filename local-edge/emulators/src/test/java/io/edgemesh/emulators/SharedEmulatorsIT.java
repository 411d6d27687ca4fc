package io.edgemesh.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.Names;
import io.edgemesh.routes.QueueDef;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The per-JVM shared instance: every server answers through the real SDK, resources are provisioned. */
class SharedEmulatorsIT {

    private static Emulators emulators;
    private static Provisioned resources;

    @BeforeAll
    static void start() {
        emulators = Emulators.shared();
        resources = emulators.provision(Names.DEFAULT_PREFIX);
    }

    @Test
    void dynamoDbLocalStoresAndReturnsAnItemInAProvisionedTable() {
        // GIVEN the provisioned tenants table
        String table = resources.table("tenants");
        Map<String, AttributeValue> item = Map.of(
                "tenantId", AttributeValue.fromS("t-shared"), "sk", AttributeValue.fromS("PROFILE"),
                "name", AttributeValue.fromS("Acme"));
        // WHEN an item is put and read back
        emulators.dynamoDb().putItem(b -> b.tableName(table).item(item));
        Map<String, AttributeValue> read = emulators.dynamoDb().getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("tenantId", AttributeValue.fromS("t-shared"), "sk", AttributeValue.fromS("PROFILE")))).item();
        // THEN it is the same item
        assertThat(read).isEqualTo(item);
        assertThat(table).isEqualTo("edgemesh-tenants");
    }

    @Test
    void tablesWithATtlAttributeHaveTtlEnabled() {
        String table = resources.table(EdgeMeshResources.SESSIONS.name());
        var ttl = emulators.dynamoDb().describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(ttl.attributeName()).isEqualTo("expiresAt");
    }

    @Test
    void elasticMqDeliversAMessageSentToAProvisionedQueue() {
        // GIVEN a provisioned standard queue, drained
        String url = resources.queueUrl("scan-secrets");
        emulators.sqs().purgeQueue(b -> b.queueUrl(url));
        // WHEN a message is sent
        emulators.sqs().sendMessage(b -> b.queueUrl(url).messageBody("{\"hello\":\"t-shared\"}"));
        // THEN a receive returns it
        List<Message> received = emulators.sqs().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5)).messages();
        assertThat(received).extracting(Message::body).containsExactly("{\"hello\":\"t-shared\"}");
        emulators.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(received.get(0).receiptHandle()));
    }

    @Test
    void provisionedQueuesCarryTheirDefinitionsAttributes() {
        for (QueueDef def : EdgeMeshResources.QUEUES) {
            Map<QueueAttributeName, String> attributes = emulators.sqs().getQueueAttributes(b -> b
                    .queueUrl(resources.queueUrl(def.name())).attributeNames(QueueAttributeName.ALL)).attributes();
            assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT))
                    .as(def.name()).isEqualTo(Integer.toString(def.visibilityTimeoutSeconds()));
            assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY)).as(def.name())
                    .contains(resources.queueArn(def.dlqName()))
                    .containsPattern("\"maxReceiveCount\":\"?" + def.maxReceiveCount());
            if (def.fifo()) {
                assertThat(attributes.get(QueueAttributeName.FIFO_QUEUE)).as(def.name()).isEqualTo("true");
                assertThat(attributes.get(QueueAttributeName.CONTENT_BASED_DEDUPLICATION)).as(def.name()).isEqualTo("false");
            }
        }
    }

    @Test
    void s3ProxyStoresAndReturnsAnObject() {
        String bucket = resources.bucket("uploads");
        emulators.s3().putObject(b -> b.bucket(bucket).key("tenants/t-shared/incoming/a.txt"),
                RequestBody.fromString("hello"));
        String read = emulators.s3().getObjectAsBytes(b -> b.bucket(bucket).key("tenants/t-shared/incoming/a.txt"))
                .asUtf8String();
        assertThat(read).isEqualTo("hello");
    }

    @Test
    void aPresignedPutIsAcceptedAndATamperedOneIsRefused() throws Exception {
        // GIVEN a URL presigned for one key
        String bucket = resources.bucket("uploads");
        PresignedPutObjectRequest presigned = emulators.s3Presigner().presignPutObject(p -> p
                .signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(o -> o.bucket(bucket).key("tenants/t-shared/incoming/presigned.txt")));
        // WHEN the URL is used as issued
        int accepted = put(presigned.url(), "uploaded");
        // THEN the object is stored
        assertThat(accepted).isEqualTo(200);
        assertThat(emulators.s3().getObjectAsBytes(b -> b.bucket(bucket).key("tenants/t-shared/incoming/presigned.txt"))
                .asUtf8String()).isEqualTo("uploaded");
        // WHEN the key in the signed URL is changed
        URL tampered = URI.create(presigned.url().toString().replace("presigned.txt", "evil.txt")).toURL();
        // THEN S3Proxy refuses it
        assertThat(put(tampered, "evil")).isEqualTo(403);
    }

    @Test
    void anExpiredPresignedUrlIsRefused() throws Exception {
        String bucket = resources.bucket("uploads");
        PresignedPutObjectRequest presigned = emulators.s3Presigner().presignPutObject(p -> p
                .signatureDuration(Duration.ofSeconds(1))
                .putObjectRequest(o -> o.bucket(bucket).key("tenants/t-shared/incoming/late.txt")));
        Thread.sleep(2_100);
        assertThat(put(presigned.url(), "late")).isEqualTo(403);
    }

    @Test
    void environmentNamesEveryResourceAndEndpoint() {
        Map<String, String> env = emulators.environment(Names.DEFAULT_PREFIX);
        assertThat(env).containsEntry("EDGEMESH_TABLE_RATE_LIMITS", "edgemesh-rate-limits")
                .containsEntry("EDGEMESH_BUCKET_UPLOADS", "edgemesh-uploads")
                .containsEntry("EDGEMESH_QUEUE_INDEX_REQUESTS", resources.queueUrl("index-requests.fifo"))
                .containsEntry("EDGEMESH_QUEUE_INDEX_REQUESTS_DLQ", resources.queueUrl("index-requests-dlq.fifo"))
                .containsEntry("EDGEMESH_ENDPOINT_S3", emulators.s3Endpoint().toString())
                .containsEntry("AWS_REGION", "us-east-1")
                .containsEntry("AWS_ACCESS_KEY_ID", Emulators.ACCESS_KEY_ID);
        assertThat(emulators.healthy()).isTrue();
        assertThat(emulators.health()).containsKeys("dynamodb", "sqs", "s3");
    }

    private static int put(URL url, String body) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setRequestMethod("PUT");
        connection.setDoOutput(true);
        connection.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        int status = connection.getResponseCode();
        connection.disconnect();
        return status;
    }
}
