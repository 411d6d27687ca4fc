package io.edgemesh.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class S3EventMessagesTest {

    static String fixture(String name) throws IOException {
        try (InputStream in = S3EventMessagesTest.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void s3NotificationKeysAreUrlDecoded() throws IOException {
        // GIVEN S3's own notification, whose key is form-encoded (%2B is a plus)
        var records = S3EventMessages.parse(fixture("s3-object-created.json"));
        assertThat(records).containsExactly(new ObjectCreated("ObjectCreated:Put", "edgemesh-uploads",
                "tenants/acme/incoming/doc-7f3a+v2", 1024, "d41d8cd98f00b204e9800998ecf8427e"));
    }

    @Test
    void snsEnvelopeIsUnwrappedAndPlusMeansSpace() throws IOException {
        var records = S3EventMessages.parse(fixture("sns-wrapped.json"));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("tenants/globex/incoming/report 2024.pdf");
    }

    @Test
    void eventBridgeObjectCreatedIsRead() throws IOException {
        var records = S3EventMessages.parse(fixture("eventbridge-object-created.json"));
        assertThat(records).extracting(ObjectCreated::key).containsExactly("tenants/acme/incoming/doc-1");
    }

    @Test
    void testEventsAndRemovalsYieldNothing() throws IOException {
        assertThat(S3EventMessages.parse(fixture("s3-test-event.json"))).isEmpty();
        assertThat(S3EventMessages.parse(fixture("s3-object-removed.json"))).isEmpty();
    }

    @Test
    void anythingElseIsNotANotification() {
        assertThatThrownBy(() -> S3EventMessages.parse("not json")).isInstanceOf(S3EventMessages.NotANotification.class);
        assertThatThrownBy(() -> S3EventMessages.parse("{\"hello\":1}")).isInstanceOf(S3EventMessages.NotANotification.class);
        assertThatThrownBy(() -> S3EventMessages.parse("{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{}}]}"))
                .isInstanceOf(S3EventMessages.NotANotification.class);
    }

    @Test
    void uploadKeysAreClassified() {
        assertThat(UploadKey.parse("tenants/acme/incoming/doc-1")).isEqualTo(new UploadKey.Upload(new UploadKey("acme", "doc-1")));
        assertThat(UploadKey.parse("tenants/acme/quarantine/doc-1")).isInstanceOf(UploadKey.NotAnUpload.class);
        assertThat(UploadKey.parse("tenants/acme/incoming/a/b")).isInstanceOf(UploadKey.BadDocumentId.class);
        assertThat(UploadKey.parse("tenants/acme/incoming/../x")).isInstanceOf(UploadKey.BadDocumentId.class);
        assertThat(UploadKey.parse("tenants/ac me/incoming/doc")).isInstanceOf(UploadKey.NotAnUpload.class);
        assertThat(UploadKey.parse("other/acme/incoming/doc")).isInstanceOf(UploadKey.NotAnUpload.class);
    }
}
