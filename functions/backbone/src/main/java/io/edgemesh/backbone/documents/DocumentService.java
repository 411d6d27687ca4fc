package io.edgemesh.backbone.documents;

import io.edgemesh.backbone.audit.AuditEvents;
import io.edgemesh.backbone.audit.AuditPublisher;
import io.edgemesh.backbone.documents.internal.DocumentItems;
import io.edgemesh.backbone.internal.Attrs;
import io.edgemesh.backbone.internal.FifoQueue;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.Logger;
import io.edgemesh.events.DocumentDeleted;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * List, read and delete a tenant's documents.
 *
 * <p>A document id that is malformed or belongs to another tenant is 404, never 403: the answer must
 * not reveal that the id exists elsewhere. An upload whose URL expired (plus a grace period for clock
 * skew) with no object received is turned into {@code failed} / {@code upload_expired} when read, so
 * no document waits forever; a late object cannot arrive because the URL no longer verifies.
 */
public final class DocumentService {
    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 100;
    static final Duration EXPIRY_GRACE = Duration.ofSeconds(30);
    private static final Logger LOG = Log.get(DocumentService.class);

    private final DocumentStore store;
    private final S3Client s3;
    private final String bucket;
    private final FifoQueue indexRequests;
    private final AuditPublisher audit;
    private final Clock clock;

    public DocumentService(DocumentStore store, S3Client s3, String bucket, FifoQueue indexRequests, AuditPublisher audit,
                           Clock clock) {
        this.store = store;
        this.s3 = s3;
        this.bucket = bucket;
        this.indexRequests = indexRequests;
        this.audit = audit;
        this.clock = clock;
    }

    public DocumentPage list(String tenantId, String limitParam, String cursor) {
        int limit = parseLimit(limitParam);
        String after = cursor == null || cursor.isEmpty() ? null : decodeCursor(cursor);
        DocumentStore.Page page = store.page(tenantId, limit, after);
        List<Document> docs = new ArrayList<>();
        for (Map<String, AttributeValue> row : page.rows()) docs.add(DocumentItems.document(settleExpired(tenantId, row)));
        return new DocumentPage(List.copyOf(docs), page.lastDocumentId() == null ? null : encodeCursor(page.lastDocumentId()));
    }

    /** The document with every scanner's verdict (scans-table rows fill in any the row has not caught up with). */
    public Document get(String tenantId, String documentId) {
        Map<String, AttributeValue> row = settleExpired(tenantId, requireRow(tenantId, documentId));
        Document doc = DocumentItems.document(row);
        Map<String, Map<String, AttributeValue>> scans = store.scanRows(tenantId, documentId);
        if (scans.isEmpty()) return doc;
        Map<String, AttributeValue> merged = new TreeMap<>();
        scans.forEach((scanner, item) -> merged.put(scanner, AttributeValue.fromM(item)));
        Attrs.map(row, "verdicts").forEach(merged::put);
        return doc.withScanners(DocumentItems.verdicts(merged));
    }

    /**
     * Removes the objects (incoming and quarantine), tells the indexer to drop the chunks, then deletes
     * the rows. That order makes a failure safe to retry: until the row is gone, the tenant can delete
     * again, and every step before is idempotent.
     */
    public void delete(String tenantId, String documentId, String actor, String requestId) {
        Map<String, AttributeValue> row = requireRow(tenantId, documentId);
        String status = Attrs.str(row, "status");
        deleteObject(DocumentIds.incomingKey(tenantId, documentId));
        deleteObject(DocumentIds.quarantineKey(tenantId, documentId));
        indexRequests.send(new DocumentDeleted(tenantId, documentId, actor), documentId + "-deleted");
        store.deleteScanRows(tenantId, documentId);
        store.delete(tenantId, documentId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("previousStatus", status);
        details.put("fileName", Attrs.str(row, "fileName"));
        audit.publish(AuditEvents.of(tenantId, requestId, "document.deleted", actor, documentId, "succeeded", clock.instant(), details));
        LOG.info("document deleted", "documentId", documentId, "previousStatus", status);
    }

    private Map<String, AttributeValue> requireRow(String tenantId, String documentId) {
        if (!DocumentIds.valid(documentId)) throw notFound(documentId);
        return store.row(tenantId, documentId).orElseThrow(() -> notFound(documentId));
    }

    private static ApiException notFound(String documentId) {
        return ApiException.notFound("document " + io.edgemesh.backbone.internal.Fields.shown(documentId) + " does not exist");
    }

    private Map<String, AttributeValue> settleExpired(String tenantId, Map<String, AttributeValue> row) {
        if (!DocumentStatus.AWAITING_UPLOAD.equals(Attrs.str(row, "status")) || row.containsKey("scanStartedAt")) return row;
        String expires = Attrs.str(row, "uploadExpiresAt");
        Instant now = clock.instant();
        if (expires == null || now.isBefore(Instant.parse(expires).plus(EXPIRY_GRACE))) return row;
        String documentId = Attrs.str(row, DocumentItems.SK);
        if (objectExists(DocumentIds.incomingKey(tenantId, documentId))) return row; // the scanners will move it on
        if (store.markUploadExpired(tenantId, documentId, now)) {
            LOG.info("upload expired without an object; document failed", "documentId", documentId);
        }
        return store.row(tenantId, documentId).orElse(row);
    }

    private boolean objectExists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw e;
        }
    }

    private void deleteObject(String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            // already gone: deletion is idempotent
        } catch (S3Exception e) {
            if (e.statusCode() != 404) throw e;
        }
    }

    static int parseLimit(String v) {
        if (v == null || v.isEmpty()) return DEFAULT_PAGE;
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= MAX_PAGE) return n;
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw ApiException.invalid("limit must be an integer between 1 and " + MAX_PAGE);
    }

    static String encodeCursor(String documentId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(documentId.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeCursor(String cursor) {
        try {
            String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (DocumentIds.valid(id)) return id;
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw ApiException.invalid("cursor is not valid; pass nextCursor from the previous page unchanged");
    }
}
