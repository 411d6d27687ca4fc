package io.edgemesh.analysis.internal;

import io.edgemesh.analysis.scan.ContentSource;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.Logger;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tagging;

/**
 * The uploads bucket as the scanners use it: size first (HEAD), then a bounded ranged read, the
 * {@code scan-status} tag, and quarantine (copy under {@code quarantine/}, then delete the incoming
 * object). S3-compatible servers without object tagging (S3Proxy answers 501) are tolerated: the
 * document row's {@code scanStatus} carries the same value, and the gap is logged once.
 */
public final class UploadObjects {
    public static final String TAG_KEY = "scan-status";
    private static final Logger LOG = Log.get(UploadObjects.class);

    private final S3Client s3;
    private final String bucket;
    private final AtomicBoolean taggingUnsupported = new AtomicBoolean();

    public UploadObjects(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    /** The object's size, or empty when it does not exist (deleted, or already moved to quarantine). */
    public Optional<Long> size(String key) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)).contentLength());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw e;
        }
    }

    /** Reads at most {@code max} bytes; a longer object is refused rather than truncated. */
    public byte[] read(String key, long max) throws IOException {
        long end = Math.min(max, Integer.MAX_VALUE - 16L);
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key).range("bytes=0-" + end))) {
            byte[] bytes = readUpTo(in, (int) end + 1);
            if (bytes.length > max) throw new ContentSource.ContentTooLargeException(-1, max);
            return bytes;
        }
    }

    public boolean tag(String key, String status) {
        if (taggingUnsupported.get()) return false;
        try {
            s3.putObjectTagging(b -> b.bucket(bucket).key(key)
                    .tagging(Tagging.builder().tagSet(Tag.builder().key(TAG_KEY).value(status).build()).build()));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 501) {
                if (taggingUnsupported.compareAndSet(false, true)) {
                    LOG.warn("object tagging is not implemented by this S3 endpoint; scan status is kept on the document row only",
                            "bucket", bucket);
                }
                return false;
            }
            if (e.statusCode() == 404) return false;
            throw e;
        }
    }

    public Optional<String> tagOf(String key) {
        try {
            return s3.getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet().stream()
                    .filter(t -> TAG_KEY.equals(t.key())).map(Tag::value).findFirst();
        } catch (S3Exception e) {
            if (e.statusCode() == 501 || e.statusCode() == 404) return Optional.empty();
            throw e;
        }
    }

    public boolean taggingSupported() {
        return !taggingUnsupported.get();
    }

    /**
     * Moves {@code from} to {@code to}. Safe to repeat: when the source is already gone but the
     * destination exists, an earlier attempt did the move. Returns whether the destination exists.
     */
    public boolean move(String from, String to) {
        try {
            s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(from).destinationBucket(bucket).destinationKey(to));
        } catch (NoSuchKeyException e) {
            return size(to).isPresent();
        } catch (S3Exception e) {
            if (e.statusCode() != 404) throw e;
            return size(to).isPresent();
        }
        s3.deleteObject(b -> b.bucket(bucket).key(from));
        return true;
    }

    private static byte[] readUpTo(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }
}
