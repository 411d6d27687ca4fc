package io.edgemesh.common.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.common.FunctionConfig;
import io.edgemesh.emulators.Emulators;
import io.edgemesh.events.DocumentClean;
import io.edgemesh.events.EdgeMeshEvents;
import io.edgemesh.events.EventSources;
import io.edgemesh.events.OutgoingEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The clients AwsClients builds from a function's environment work against the embedded servers:
 * S3 put/get (checksum settings S3Proxy accepts), a presigned PUT, a FIFO event round trip through
 * SQS, and DynamoDB through the plain client.
 */
class AwsClientsIT {
    private static Map<String, String> env;
    private static AwsClients clients;

    @BeforeAll
    static void start() {
        env = Emulators.shared().environment("edgemesh");
        clients = AwsClients.from(FunctionConfig.of(env));
    }

    @AfterAll
    static void close() {
        if (clients != null) clients.close();
    }

    @Test
    void s3_put_and_get_work_against_s3proxy() {
        // GIVEN the uploads bucket from the function's environment
        String bucket = FunctionConfig.of(env).bucket("uploads");
        // WHEN an object is written and read with the built client
        clients.s3().putObject(b -> b.bucket(bucket).key("tenants/acme/incoming/it-1"), RequestBody.fromString("hello"));
        String back = clients.s3().getObjectAsBytes(b -> b.bucket(bucket).key("tenants/acme/incoming/it-1")).asUtf8String();
        // THEN the bytes come back (no 501 from checksum headers)
        assertThat(back).isEqualTo("hello");
    }

    @Test
    void a_presigned_put_uploads_without_sdk_credentials() throws Exception {
        String bucket = FunctionConfig.of(env).bucket("uploads");
        URI url = clients.s3Presigner().presignPutObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(r -> r.bucket(bucket).key("tenants/acme/incoming/it-2").contentType("application/pdf")))
                .url().toURI();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url)
                .header("Content-Type", "application/pdf")
                .PUT(HttpRequest.BodyPublishers.ofString("%PDF-1.4")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(clients.s3().getObjectAsBytes(b -> b.bucket(bucket).key("tenants/acme/incoming/it-2"))
                .asString(StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4");
    }

    @Test
    void a_cloudevent_goes_through_a_fifo_queue_grouped_by_tenant() {
        String queue = FunctionConfig.of(env).queueUrl("index-requests.fifo");
        OutgoingEvent out = EdgeMeshEvents.encode(new DocumentClean("acme", "doc-it", "b", "tenants/acme/incoming/doc-it",
                null, "application/pdf", 8, null), EventSources.ANALYSIS);
        clients.sqs().sendMessage(b -> b.queueUrl(queue).messageBody(out.body())
                .messageGroupId(out.messageGroupId()).messageDeduplicationId(out.deduplicationId()));
        Message m = clients.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(1).waitTimeSeconds(5)
                .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID)).messages().get(0);
        clients.sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
        assertThat(m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)).isEqualTo("acme");
        assertThat(EdgeMeshEvents.parse(m.body(), DocumentClean.class).documentId()).isEqualTo("doc-it");
    }

    @Test
    void dynamodb_answers_with_the_provisioned_tables() {
        assertThat(clients.dynamoDb().listTables().tableNames()).contains(FunctionConfig.of(env).table("documents"));
    }
}
