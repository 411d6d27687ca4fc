package io.edgemesh.backbone.documents;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A document as the API returns it.
 *
 * @param sizeBytes       size declared at upload (the presigned URL only accepts exactly this many bytes)
 * @param uploadExpiresAt when the upload URL stops working; an upload not received by then fails
 * @param reasons         machine-readable reasons for a final status (scanner findings, {@code upload_expired})
 * @param scanners        each scanner's verdict, sorted by scanner name
 * @param index           what the indexer recorded (pages, chunks, language), when it has run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Document(String documentId, String status, String filename, String contentType, Long sizeBytes,
                       Instant createdAt, Instant updatedAt, Instant uploadExpiresAt, Instant decidedAt,
                       List<String> reasons, List<ScannerVerdict> scanners, IndexInfo index) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndexInfo(Long pages, Long chunks, String language, String indexedAt) { }

    public Document withScanners(List<ScannerVerdict> v) {
        return new Document(documentId, status, filename, contentType, sizeBytes, createdAt, updatedAt, uploadExpiresAt,
                decidedAt, reasons, v, index);
    }
}
