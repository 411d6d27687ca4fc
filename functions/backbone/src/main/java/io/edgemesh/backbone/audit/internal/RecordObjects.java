package io.edgemesh.backbone.audit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Record objects in the audit bucket at {@code tenants/{tenant}/audit/{seq, 16 digits}.json}; zero
 * padding keeps a prefix listing in chain order. In AWS the bucket has Object Lock (compliance mode),
 * so a written record cannot be altered or deleted for the retention period; a repeated write of
 * the same record (a redelivery finishing an interrupted append) only adds an identical version.
 */
public final class RecordObjects {
    private final S3Client s3;
    private final String bucket;

    public RecordObjects(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public static String key(String tenantId, long seq) {
        return "tenants/" + tenantId + "/audit/" + String.format("%016d", seq) + ".json";
    }

    public void put(String tenantId, long seq, String json) {
        s3.putObject(b -> b.bucket(bucket).key(key(tenantId, seq)).contentType("application/json"),
                RequestBody.fromString(json, StandardCharsets.UTF_8));
    }

    public Optional<String> get(String tenantId, long seq) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key(tenantId, seq))).asUtf8String());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw e;
        }
    }
}
