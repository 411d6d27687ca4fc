package io.edgemesh.backbone.uploads;

import java.time.Instant;
import java.util.Map;

/**
 * The answer to an upload request: {@code {"documentId","upload":{"url","method","headers","expiresAt"}}}.
 *
 * @param upload how to send the bytes; {@code headers} are exactly the signed headers the client must
 *               send (besides {@code host}), with these values
 */
public record PresignedUpload(String documentId, Upload upload) {
    public record Upload(String url, String method, Map<String, String> headers, Instant expiresAt) { }
}
