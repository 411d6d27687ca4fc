package io.edgemesh.local.internal;

import io.edgemesh.common.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The S3 event notification document S3 puts on an SQS queue for a new object ({@code eventVersion}
 * 2.1, {@code ObjectCreated:Put}). Like S3, the key is URL-encoded form style: each path segment
 * encoded, {@code /} kept, a space as {@code +}; the ETag has no quotes.
 */
public final class S3EventJson {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private S3EventJson() { }

    /** One created object, as listed. */
    public record CreatedObject(String bucket, String key, long size, String eTag, Instant lastModified) { }

    public static String objectCreated(CreatedObject o, String region, String configurationId, String sequencer,
                                       String requestId) {
        Map<String, Object> bucket = new LinkedHashMap<>();
        bucket.put("name", o.bucket());
        bucket.put("ownerIdentity", Map.of("principalId", "EDGEMESHLOCAL"));
        bucket.put("arn", "arn:aws:s3:::" + o.bucket());
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("key", encodeKey(o.key()));
        object.put("size", o.size());
        object.put("eTag", stripQuotes(o.eTag()));
        object.put("sequencer", sequencer);
        Map<String, Object> s3 = new LinkedHashMap<>();
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", configurationId);
        s3.put("bucket", bucket);
        s3.put("object", object);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", TIME.format(o.lastModified()));
        record.put("eventName", "ObjectCreated:Put");
        record.put("userIdentity", Map.of("principalId", "AWS:EDGEMESHLOCAL"));
        record.put("requestParameters", Map.of("sourceIPAddress", "127.0.0.1"));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("x-amz-request-id", requestId);
        response.put("x-amz-id-2", requestId);
        record.put("responseElements", response);
        record.put("s3", s3);
        return Json.write(Map.of("Records", List.of(record)));
    }

    /** As S3 writes keys in notifications: form encoding per segment, slashes kept. */
    public static String encodeKey(String key) {
        String[] segments = key.split("/", -1);
        StringBuilder sb = new StringBuilder(key.length() + 16);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) sb.append('/');
            sb.append(URLEncoder.encode(segments[i], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    static String stripQuotes(String eTag) {
        if (eTag == null) return "";
        return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"") ? eTag.substring(1, eTag.length() - 1) : eTag;
    }
}
