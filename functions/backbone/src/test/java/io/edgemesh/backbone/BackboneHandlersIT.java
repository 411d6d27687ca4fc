package io.edgemesh.backbone;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.backbone.audit.internal.RecordObjects;
import io.edgemesh.backbone.support.Backbone;
import io.edgemesh.backbone.support.Invoker;
import io.edgemesh.backbone.support.TestIds;
import io.edgemesh.common.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The backbone's three handlers through signed envelopes, as the ingress and the queue poller drive
 * them: admin creates and manages a tenant, the tenant uploads through the presigned URL and manages
 * its documents, and every change ends up in a verifiable audit chain.
 */
class BackboneHandlersIT {
    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static AdminHandler admin;
    static UploadsHandler uploads;
    static AuditHandler audit;
    final Invoker invoker = new Invoker();

    @BeforeAll
    static void handlers() {
        admin = new AdminHandler(Invoker.env());
        uploads = new UploadsHandler(Invoker.env());
        audit = new AuditHandler(Invoker.env());
    }

    @Test
    void adminCreatesReadsPatchesAndRotatesATenantAndEveryChangeIsChained() {
        String id = TestIds.tenant("shop");
        Invoker.Result created = createTenant(id);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("id").asText()).isEqualTo(id);
        assertThat(created.body().path("publishableKey").asText()).startsWith("pk_" + id + "_");
        assertThat(created.body().path("secretKey").asText()).startsWith("sk_" + id + "_");

        Invoker.Result again = createTenant(id);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("conflict");

        Invoker.Result got = invoker.call(admin, "tenants.get", id, Invoker.admin("GET", "/admin/tenants/" + id, Map.of("tenantId", id), null));
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body().path("status").asText()).isEqualTo("pending_documents");
        assertThat(got.body().path("limits").path("maxUploadBytes").asLong()).isEqualTo(25L * 1024 * 1024);
        assertThat(got.body().toString()).doesNotContain("sk_").doesNotContain("sha256");

        Invoker.Result patched = invoker.call(admin, "tenants.update", id, Invoker.admin("PATCH", "/admin/tenants/" + id,
                Map.of("tenantId", id), Json.parse("{\"name\":\"Shop 2\",\"limits\":{\"maxDocuments\":3},\"scanPolicy\":{\"actions\":{\"uri_link\":\"review\"}}}")));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().path("name").asText()).isEqualTo("Shop 2");
        assertThat(patched.body().path("limits").path("maxDocuments").asInt()).isEqualTo(3);

        Invoker.Result typo = invoker.call(admin, "tenants.update", id, Invoker.admin("PATCH", "/admin/tenants/" + id,
                Map.of("tenantId", id), Json.parse("{\"allowedOrigin\":[\"https://x.example\"]}")));
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.body().path("message").asText()).contains("allowedOrigin");

        Invoker.Result rotated = invoker.call(admin, "tenants.rotateKey", id, Invoker.admin("POST", "/admin/tenants/" + id + "/keys",
                Map.of("tenantId", id), Json.parse("{\"overlapSeconds\":3600}")));
        assertThat(rotated.status()).isEqualTo(201);
        assertThat(rotated.body().path("secretKey").asText()).startsWith("sk_" + id + "_");
        assertThat(rotated.body().hasNonNull("previousKeyExpiresAt")).isTrue();

        drainAuditQueue();
        Invoker.Result log = auditList(id);
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body().path("records")).extracting(r -> r.path("type").asText())
                .containsExactly("key.rotated", "tenant.updated", "tenant.created");
        assertThat(log.body().path("verification").path("valid").asBoolean()).isTrue();
        assertThat(log.body().path("verification").path("headSeq").asLong()).isEqualTo(3);
    }

    @Test
    void givenTamperedAuditRecordThenAuditListReportsTheBrokenLink() {
        String id = TestIds.tenant("tamper");
        createTenant(id);
        for (String name : List.of("A", "B")) {
            invoker.call(admin, "tenants.update", id, Invoker.admin("PATCH", "/", Map.of("tenantId", id),
                    Json.parse("{\"name\":\"" + name + "\"}")));
        }
        drainAuditQueue();
        String bucket = Backbone.config().bucket("audit");
        String key = RecordObjects.key(id, 2);
        String json = Backbone.aws().s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
        Backbone.aws().s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(json.replace("\"admin\"", "\"intruder\"")));

        JsonNode v = auditList(id).body().path("verification");

        assertThat(v.path("valid").asBoolean()).isFalse();
        assertThat(v.path("firstBrokenSeq").asLong()).isEqualTo(2);
        assertThat(v.path("problem").asText()).isEqualTo("hash_mismatch");
    }

    @Test
    void aTenantUploadsThroughThePresignedUrlAndManagesItsDocumentsWhileAnotherTenantSeesNothing() throws Exception {
        String id = TestIds.tenant("docs");
        JsonNode keys = createTenant(id).body();
        String other = TestIds.tenant("nosy");
        createTenant(other);

        Invoker.Result bad = invoker.call(uploads, "uploads.create", id, Invoker.tenant(id, "k1", "POST", "/v1/uploads", Map.of(), Map.of(),
                Json.parse("{\"filename\":\"x.exe\",\"contentType\":\"application/x-msdownload\",\"size\":10}")));
        assertThat(bad.status()).isEqualTo(415);
        assertThat(bad.code()).isEqualTo("unsupported_media_type");

        Invoker.Result created = invoker.call(uploads, "uploads.create", id, Invoker.tenant(id, keys.path("keyId").asText(), "POST",
                "/v1/uploads", Map.of(), Map.of(), Json.parse("{\"filename\":\"guide.pdf\",\"contentType\":\"application/pdf\",\"size\":"
                        + PDF.length + "}")));
        assertThat(created.status()).isEqualTo(201);
        String documentId = created.body().path("documentId").asText();
        JsonNode upload = created.body().path("upload");
        assertThat(upload.path("method").asText()).isEqualTo("PUT");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(PDF));
        upload.path("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equals("content-length")) put.header(h.getKey(), h.getValue().asText()); // the client sets the length itself
        });
        assertThat(HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        Invoker.Result list = invoker.call(uploads, "documents.list", id, Invoker.tenant(id, "k1", "GET", "/v1/documents", Map.of(), Map.of(), null));
        assertThat(list.body().path("documents")).extracting(d -> d.path("documentId").asText()).containsExactly(documentId);
        Invoker.Result get = invoker.call(uploads, "documents.get", id, Invoker.tenant(id, "k1", "GET", "/v1/documents/" + documentId,
                Map.of("documentId", documentId), Map.of(), null));
        assertThat(get.body().path("filename").asText()).isEqualTo("guide.pdf");
        assertThat(get.body().path("status").asText()).isEqualTo("awaiting_upload");

        Invoker.Result nosy = invoker.call(uploads, "documents.get", other, Invoker.tenant(other, "k9", "GET", "/v1/documents/" + documentId,
                Map.of("documentId", documentId), Map.of(), null));
        assertThat(nosy.status()).isEqualTo(404);
        assertThat(invoker.call(uploads, "documents.list", other, Invoker.tenant(other, "k9", "GET", "/v1/documents", Map.of(), Map.of(), null))
                .body().path("documents")).isEmpty();
        Invoker.Result mismatched = invoker.call(uploads, "documents.get", id, Invoker.tenant(other, "k9", "GET", "/v1/documents/" + documentId,
                Map.of("documentId", documentId), Map.of(), null));
        assertThat(mismatched.status()).isEqualTo(403);

        Invoker.Result deleted = invoker.call(uploads, "documents.delete", id, Invoker.tenant(id, "k1", "DELETE", "/v1/documents/" + documentId,
                Map.of("documentId", documentId), Map.of(), null));
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(invoker.call(uploads, "documents.get", id, Invoker.tenant(id, "k1", "GET", "/", Map.of("documentId", documentId), Map.of(), null))
                .status()).isEqualTo(404);

        drainAuditQueue();
        assertThat(auditList(id).body().path("records")).extracting(r -> r.path("type").asText())
                .containsExactly("document.deleted", "upload.requested", "tenant.created");
    }

    @Test
    void theWrongKindOfCallerIsRefused() {
        String id = TestIds.tenant("kind");
        createTenant(id);
        Invoker.Result asTenant = invoker.call(admin, "tenants.get", id, Invoker.tenant(id, "k1", "GET", "/", Map.of("tenantId", id), Map.of(), null));
        assertThat(asTenant.status()).isEqualTo(403);
        Invoker.Result asAdmin = invoker.call(uploads, "documents.list", id, Invoker.admin("GET", "/v1/documents", Map.of(), null));
        assertThat(asAdmin.status()).isEqualTo(403);
        Invoker.Result garbage = invoker.raw(uploads, "documents.list", id, "[1,2]".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.status()).isEqualTo(400);
    }

    @Test
    void givenPoisonAndDuplicateAuditMessagesThenNothingIsChainedTwiceAndPoisonIsHandedBack() {
        String id = TestIds.tenant("dup");
        createTenant(id);
        List<SQSEvent.SQSMessage> messages = receiveAudit();
        List<SQSEvent.SQSMessage> batch = new ArrayList<>(messages);
        batch.addAll(messages); // the same deliveries again, as after a visibility timeout
        SQSEvent.SQSMessage poison = new SQSEvent.SQSMessage();
        poison.setMessageId("poison-1");
        poison.setBody("{\"not\":\"an event\"}");
        poison.setAttributes(Map.of("MessageGroupId", id));
        batch.add(poison);
        SQSEvent event = new SQSEvent();
        event.setRecords(batch);

        SQSBatchResponse r = audit.handleRequest(event, null);

        assertThat(r.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier).containsExactly("poison-1");
        JsonNode v = auditList(id).body().path("verification");
        assertThat(v.path("valid").asBoolean()).isTrue();
        assertThat(v.path("headSeq").asLong()).isEqualTo(1);
    }

    private Invoker.Result createTenant(String id) {
        return invoker.call(admin, "tenants.create", id, Invoker.admin("POST", "/admin/tenants", Map.of(),
                Json.parse("{\"id\":\"" + id + "\",\"name\":\"Shop\",\"allowedOrigins\":[\"https://" + id + ".example\"]}")));
    }

    private Invoker.Result auditList(String id) {
        return invoker.call(admin, "audit.list", id, Invoker.admin("GET", "/admin/tenants/" + id + "/audit", Map.of("tenantId", id), null));
    }

    /** What the local edge's poller does: receive, hand the batch to the handler, delete what succeeded. */
    private static void drainAuditQueue() {
        List<SQSEvent.SQSMessage> batch = receiveAudit();
        SQSEvent event = new SQSEvent();
        event.setRecords(batch);
        assertThat(audit.handleRequest(event, null).getBatchItemFailures()).isEmpty();
    }

    private static synchronized List<SQSEvent.SQSMessage> receiveAudit() {
        String url = Backbone.config().queueUrl("audit-events.fifo");
        var sqs = Backbone.aws().sqs();
        List<SQSEvent.SQSMessage> out = new ArrayList<>();
        while (true) {
            List<Message> got = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (got.isEmpty()) break;
            for (Message m : got) {
                SQSEvent.SQSMessage s = new SQSEvent.SQSMessage();
                s.setMessageId(m.messageId());
                s.setBody(m.body());
                Map<String, String> attrs = new HashMap<>();
                m.attributes().forEach((k, v) -> attrs.put(k.toString(), v));
                s.setAttributes(attrs);
                s.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:edgemesh-audit-events.fifo");
                out.add(s);
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
        return out;
    }
}
