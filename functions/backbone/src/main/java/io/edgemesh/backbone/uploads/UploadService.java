package io.edgemesh.backbone.uploads;

import io.edgemesh.backbone.audit.AuditEvents;
import io.edgemesh.backbone.audit.AuditPublisher;
import io.edgemesh.backbone.documents.DocumentIds;
import io.edgemesh.backbone.documents.DocumentStore;
import io.edgemesh.backbone.documents.NewDocument;
import io.edgemesh.backbone.tenants.Tenant;
import io.edgemesh.backbone.tenants.TenantRules;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.ErrorCodes;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.Logger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Issues presigned uploads. The URL signs {@code content-type} and {@code content-length}, so S3
 * itself refuses a body of another type or size; the row is written before the URL is returned, so
 * every object that can ever arrive has a row that says what was declared.
 */
public final class UploadService {
    public static final Duration URL_TTL = Duration.ofMinutes(5);
    private static final Logger LOG = Log.get(UploadService.class);

    private final DocumentStore documents;
    private final S3Presigner presigner;
    private final String bucket;
    private final AuditPublisher audit;
    private final Clock clock;
    private final Duration urlTtl;

    public UploadService(DocumentStore documents, S3Presigner presigner, String bucket, AuditPublisher audit, Clock clock) {
        this(documents, presigner, bucket, audit, clock, URL_TTL);
    }

    /** With another URL lifetime (tests of expiry). */
    public UploadService(DocumentStore documents, S3Presigner presigner, String bucket, AuditPublisher audit, Clock clock,
                         Duration urlTtl) {
        this.urlTtl = urlTtl;
        this.documents = documents;
        this.presigner = presigner;
        this.bucket = bucket;
        this.audit = audit;
        this.clock = clock;
    }

    public PresignedUpload create(Tenant tenant, UploadRequest request, String actor, String requestId) {
        String filename = FileNames.sanitise(request.filename());
        String contentType = contentType(tenant, request.contentType());
        long max = tenant.limits().maxUploadBytes();
        if (request.size() < 1) throw ApiException.invalid("size must be at least 1 byte");
        if (request.size() > max) {
            throw new ApiException(413, ErrorCodes.PAYLOAD_TOO_LARGE, "size " + request.size() + " is over this tenant's limit of "
                    + max + " bytes", Map.of("maxBytes", max));
        }
        // a minute of grace: an upload that just expired may still be landing (clock skew)
        long active = documents.countActive(tenant.id(), clock.instant().minus(Duration.ofMinutes(1)));
        if (active >= tenant.limits().maxDocuments()) {
            throw new ApiException(409, ErrorCodes.CONFLICT, "the tenant already holds " + active + " documents, its limit; delete one first",
                    Map.of("maxDocuments", tenant.limits().maxDocuments()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String documentId = DocumentIds.next();
        String key = DocumentIds.incomingKey(tenant.id(), documentId);
        PresignedPutObjectRequest presigned = presigner.presignPutObject(p -> p.signatureDuration(urlTtl)
                .putObjectRequest(PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType)
                        .contentLength(request.size()).build()));
        Instant expiresAt = presigned.expiration();
        NewDocument row = new NewDocument(tenant.id(), documentId, filename, contentType, request.size(), bucket, key, now,
                expiresAt, max, tenant.scanPolicy());
        if (!documents.create(row)) throw new IllegalStateException("document id collision: " + documentId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fileName", filename);
        details.put("contentType", contentType);
        details.put("sizeBytes", request.size());
        audit.publish(AuditEvents.of(tenant.id(), requestId, "upload.requested", actor, documentId, "succeeded", now, details));
        LOG.info("upload URL issued", "documentId", documentId, "sizeBytes", request.size(), "contentType", contentType);
        return new PresignedUpload(documentId, new PresignedUpload.Upload(presigned.url().toString(), "PUT",
                clientHeaders(presigned), expiresAt));
    }

    /** The signed headers the client must send, by lower-case name; {@code host} is implied by the URL. */
    static Map<String, String> clientHeaders(PresignedPutObjectRequest presigned) {
        Map<String, String> out = new TreeMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (!n.equals("host") && !values.isEmpty()) out.put(n, String.join(",", values));
        });
        return out;
    }

    private static String contentType(Tenant tenant, String raw) {
        if (raw == null || raw.isBlank()) throw ApiException.invalid("contentType is required, e.g. \"application/pdf\"");
        int semi = raw.indexOf(';');
        String type = (semi >= 0 ? raw.substring(0, semi) : raw).strip().toLowerCase(Locale.ROOT);
        if (!TenantRules.SUPPORTED_CONTENT_TYPES.contains(type)) {
            throw new ApiException(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE, "contentType " + io.edgemesh.backbone.internal.Fields.shown(raw)
                    + " is not supported; supported: " + TenantRules.SUPPORTED_CONTENT_TYPES.stream().sorted().toList(),
                    Map.of("allowedContentTypes", tenant.scanPolicy().allowedContentTypes()));
        }
        if (!tenant.scanPolicy().allowsContentType(type)) {
            List<String> allowed = tenant.scanPolicy().allowedContentTypes();
            throw new ApiException(415, ErrorCodes.TYPE_NOT_ALLOWED, "contentType " + type + " is not allowed by this tenant's policy; allowed: "
                    + allowed, Map.of("allowedContentTypes", allowed));
        }
        return type;
    }
}
