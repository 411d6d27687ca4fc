package io.edgemesh.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import io.edgemesh.emulators.Emulators;
import io.edgemesh.routes.EdgeMeshResources;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * S3 notifications on the real S3Proxy and ElasticMQ: an object PUT through a presigned URL under
 * the uploads fan-out pattern reaches every scanner queue once, as the S3Event JSON. No function is
 * loaded, so the queues keep what arrives for the test to read (and the front has no ingress).
 */
class S3NotificationsIT {
    private static final String PREFIX = "it-s3";
    private static LocalEdge edge;
    private static Emulators emulators;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        emulators = Emulators.shared();
        edge = LocalEdge.start(LocalEdgeConfig.inMemory().withEmulators(emulators).withPrefix(PREFIX).withDemoTenant(false)
                .withS3ScanInterval(Duration.ofMillis(100)).withFunctions(FunctionFactory.of(Map.of())));
    }

    @AfterAll
    static void stop() {
        if (edge != null) edge.close();
    }

    private static HttpResponse<String> presignedPut(String key, byte[] content) throws Exception {
        String bucket = edge.provisioned().bucket("uploads");
        PresignedPutObjectRequest presigned = emulators.s3Presigner().presignPutObject(p -> p
                .signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(o -> o.bucket(bucket).key(key).contentType("application/pdf")));
        HttpRequest.Builder put = HttpRequest.newBuilder(presigned.url().toURI())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) values.forEach(v -> put.header(name, v));
        });
        HttpResponse<String> r = HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("presigned PUT: " + r.body()).isEqualTo(200);
        return r;
    }

    private static List<Message> receive(String queue, int waitSeconds) {
        SqsClient sqs = emulators.sqs();
        return sqs.receiveMessage(b -> b.queueUrl(edge.provisioned().queueUrl(queue)).maxNumberOfMessages(10)
                .waitTimeSeconds(waitSeconds)).messages();
    }

    @Test
    void anObjectPutThroughAPresignedUrlProducesOneS3EventOnEveryConfiguredQueue() throws Exception {
        // GIVEN an upload under tenants/<tenant>/incoming/ with a space in its name
        byte[] pdf = "%PDF-1.7 tiny".getBytes(StandardCharsets.US_ASCII);
        String key = "tenants/acme/incoming/doc 1.pdf";
        HttpResponse<String> put = presignedPut(key, pdf);
        String etag = put.headers().firstValue("etag").orElseThrow().replace("\"", "");
        // WHEN the notifications are delivered
        for (String queue : EdgeMeshResources.UPLOAD_FANOUT.queues()) {
            List<Message> got = receive(queue, 20);
            // THEN each scanner queue has exactly the S3Event S3 would send
            assertThat(got).as(queue).hasSize(1);
            JsonNode record = Json.parse(got.get(0).body()).path("Records").get(0);
            assertThat(record.path("eventVersion").asText()).isEqualTo("2.1");
            assertThat(record.path("eventSource").asText()).isEqualTo("aws:s3");
            assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
            assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");
            JsonNode s3 = record.path("s3");
            assertThat(s3.path("bucket").path("name").asText()).isEqualTo(PREFIX + "-uploads");
            assertThat(s3.path("bucket").path("arn").asText()).isEqualTo("arn:aws:s3:::" + PREFIX + "-uploads");
            assertThat(s3.path("object").path("key").asText()).isEqualTo("tenants/acme/incoming/doc+1.pdf");
            assertThat(s3.path("object").path("size").asLong()).isEqualTo(pdf.length);
            assertThat(s3.path("object").path("eTag").asText()).isEqualTo(etag);
            assertThat(s3.path("object").path("sequencer").asText()).matches("[0-9A-F]{16,}");
            emulators.sqs().deleteMessage(b -> b.queueUrl(edge.provisioned().queueUrl(queue))
                    .receiptHandle(got.get(0).receiptHandle()));
        }
        // AND later scans do not announce the same object version again
        Thread.sleep(500); // five scan intervals
        assertThat(receive(EdgeMeshResources.SCAN_TYPE.name(), 1)).isEmpty();
    }

    @Test
    void keysOutsideThePatternProduceNoEvent() throws Exception {
        presignedPut("tenants/acme/quarantine/old.pdf", new byte[] {1, 2, 3});
        presignedPut("elsewhere/acme/incoming/x.pdf", new byte[] {1});
        Thread.sleep(500);
        assertThat(receive(EdgeMeshResources.SCAN_SECRETS.name(), 1))
                .allSatisfy(m -> assertThat(m.body()).contains("tenants/acme/incoming/"));
    }

    @Test
    void withoutTheIngressPublicRoutesAnswer503InTheErrorModel() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(edge.baseUrl() + "/widget.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(Json.parse(r.body()).path("error").path("code").asText()).isEqualTo("upstream_unavailable");
    }
}
