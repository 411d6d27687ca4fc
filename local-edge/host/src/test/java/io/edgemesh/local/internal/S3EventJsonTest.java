package io.edgemesh.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class S3EventJsonTest {

    @Test
    void anObjectCreatedEventHasTheShapeS3SendsToSqs() throws Exception {
        // GIVEN a new object with a space and a plus in its name
        S3EventJson.CreatedObject o = new S3EventJson.CreatedObject("edgemesh-uploads",
                "tenants/acme/incoming/my report+v2.pdf", 1234, "\"9b2cf535f27731c974343645a3985328\"",
                Instant.parse("2026-11-22T10:00:00.5Z"));
        // WHEN the notification is written
        JsonNode actual = Json.parse(S3EventJson.objectCreated(o, "us-east-1", "uploads-object-created",
                "0000000000000001", "req-1"));
        // THEN it equals the fixture (S3's document, key encoded form-style with slashes kept)
        try (InputStream in = getClass().getResourceAsStream("/fixtures/s3-object-created.json")) {
            assertThat(actual).isEqualTo(Json.MAPPER.readTree(in));
        }
    }

    @Test
    void keysAreEncodedPerSegment() {
        assertThat(S3EventJson.encodeKey("tenants/a b/ü/x=1&y")).isEqualTo("tenants/a+b/%C3%BC/x%3D1%26y");
    }
}
