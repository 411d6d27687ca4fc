package io.edgemesh.tinyml.indexing.internal;

import io.edgemesh.tinyml.index.internal.LocalFiles;
import io.edgemesh.tinyml.indexing.DocumentGoneException;
import io.edgemesh.tinyml.indexing.DocumentRefusedException;
import io.edgemesh.tinyml.indexing.DocumentSource;
import io.edgemesh.tinyml.indexing.DocumentStatus;
import io.edgemesh.tinyml.indexing.SourceDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The uploads bucket. A document is fetched only when it is in this bucket under the tenant's
 * {@code incoming/} prefix, tagged {@code scan-status=CLEAN}, within the size limit, and (when the event
 * carries one) has the SHA-256 the scanners saw, so an object swapped after its scan is never indexed.
 * An endpoint without object tagging (S3Proxy answers 501) is tolerated the way the scanners tolerate it:
 * the document row's {@code scanStatus}, which they write with the same value, must then say CLEAN.
 */
public final class S3DocumentSource implements DocumentSource {
    public static final String SCAN_TAG = "scan-status";
    public static final String CLEAN = "CLEAN";

    private final S3Client s3;
    private final String bucket;
    private final long maxBytes;
    private final DocumentStatus rows;

    public S3DocumentSource(S3Client s3, String bucket, long maxBytes, DocumentStatus rows) {
        this.s3 = s3;
        this.bucket = bucket;
        this.maxBytes = maxBytes;
        this.rows = rows;
    }

    @Override
    public void fetch(SourceDocument doc, Path target) {
        if (!bucket.equals(doc.bucket())) {
            throw new DocumentRefusedException("document is in bucket '" + doc.bucket() + "', not the uploads bucket");
        }
        if (!doc.key().startsWith("tenants/" + doc.tenantId() + "/incoming/") || doc.key().contains("..")) {
            throw new DocumentRefusedException("key is not under the tenant's incoming/ prefix: " + doc.key());
        }
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(doc.key()));
            if (head.contentLength() != null && head.contentLength() > maxBytes) {
                throw new DocumentRefusedException("document has " + head.contentLength() + " bytes; at most " + maxBytes + " are indexed");
            }
            String scan = scanStatus(doc);
            if (!CLEAN.equals(scan)) {
                throw new DocumentRefusedException("document is tagged " + SCAN_TAG + "=" + scan + ", not " + CLEAN);
            }
            Files.deleteIfExists(target);
            s3.getObject(b -> b.bucket(bucket).key(doc.key()), ResponseTransformer.toFile(target));
            if (Files.size(target) > maxBytes) {
                throw new DocumentRefusedException("document grew beyond " + maxBytes + " bytes after it was checked");
            }
            if (doc.sha256() != null && !doc.sha256().equals(LocalFiles.sha256(target))) {
                throw new DocumentRefusedException("document changed since it was scanned (SHA-256 differs)");
            }
        } catch (NoSuchKeyException e) {
            throw new DocumentGoneException("s3://" + bucket + "/" + doc.key() + " no longer exists");
        } catch (S3Exception e) {
            if (e.statusCode() == 404) throw new DocumentGoneException("s3://" + bucket + "/" + doc.key() + " no longer exists");
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String scanStatus(SourceDocument doc) {
        try {
            return s3.getObjectTagging(b -> b.bucket(bucket).key(doc.key())).tagSet().stream()
                    .filter(t -> SCAN_TAG.equals(t.key())).map(Tag::value).findFirst().orElse("(none)");
        } catch (S3Exception e) {
            if (e.statusCode() != 501) throw e;
            return rows.scanStatus(doc.tenantId(), doc.documentId()).orElse("(none)");
        }
    }
}
