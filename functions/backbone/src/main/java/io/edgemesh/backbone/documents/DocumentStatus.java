package io.edgemesh.backbone.documents;

import java.util.Set;

/** The statuses a document moves through; final ones never change again except by deletion. */
public final class DocumentStatus {
    private DocumentStatus() { }

    public static final String AWAITING_UPLOAD = "awaiting_upload";
    public static final String SCANNING = "scanning";
    public static final String INDEXING = "indexing";
    public static final String READY = "ready";
    public static final String QUARANTINED = "quarantined";
    public static final String FAILED = "failed";

    public static final Set<String> ALL = Set.of(AWAITING_UPLOAD, SCANNING, INDEXING, READY, QUARANTINED, FAILED);
    public static final Set<String> FINAL = Set.of(READY, QUARANTINED, FAILED);
}
