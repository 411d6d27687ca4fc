package io.edgemesh.backbone.documents;

import io.edgemesh.backbone.tenants.ScanPolicy;
import java.time.Instant;

/**
 * The row the uploads API writes before handing out a URL. The tenant's scan policy and upload limit
 * are copied onto it because the scanners read documents, not tenants, and must judge the upload by
 * the policy in force when it was accepted.
 */
public record NewDocument(String tenantId, String documentId, String filename, String contentType, long sizeBytes,
                          String bucket, String objectKey, Instant createdAt, Instant uploadExpiresAt,
                          long maxUploadBytes, ScanPolicy scanPolicy) { }
