package io.edgemesh.tinyml.index.internal;

import io.edgemesh.common.Json;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.Logger;
import io.edgemesh.tinyml.index.IndexFiles;
import io.edgemesh.tinyml.index.IndexVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Index versions in the index bucket under {@code tenants/{tenant}/index/{versionId}/}. Files are put
 * first and the manifest last, so a reader that finds the manifest finds every file; unchanged segment
 * files of the previous version are copied server-side rather than uploaded again.
 */
public final class S3IndexFiles implements IndexFiles {
    private static final Logger LOG = Log.get(S3IndexFiles.class);

    private final S3Client s3;
    private final String bucket;
    private volatile boolean multiDeleteUnsupported;

    public S3IndexFiles(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public static String prefix(String tenantId, String versionId) {
        return "tenants/" + tenantId + "/index/" + versionId + "/";
    }

    @Override
    public String upload(String tenantId, long version, String versionId, Path dir, Optional<IndexVersion> previous) {
        String prefix = prefix(tenantId, versionId);
        Map<String, Manifest.FileEntry> before = new HashMap<>();
        previous.ifPresent(p -> readManifest(p).files().forEach(f -> before.put(f.name(), f)));
        String previousPrefix = previous.map(p -> prefix(tenantId, p.versionId())).orElse(null);
        List<Manifest.FileEntry> entries = new ArrayList<>();
        int copied = 0;
        try {
            for (Path f : LocalFiles.files(dir)) {
                String name = f.getFileName().toString();
                if (name.startsWith(".")) continue;
                Manifest.FileEntry entry = new Manifest.FileEntry(name, Files.size(f), LocalFiles.sha256(f));
                Manifest.FileEntry old = before.get(name);
                if (old != null && old.equals(entry)) {
                    s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(previousPrefix + name)
                            .destinationBucket(bucket).destinationKey(prefix + name));
                    copied++;
                } else {
                    s3.putObject(b -> b.bucket(bucket).key(prefix + name).contentLength(entry.size()), RequestBody.fromFile(f));
                }
                entries.add(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Manifest manifest = new Manifest(1, tenantId, version, versionId, Instant.now().toString(), entries);
        String key = prefix + Manifest.NAME;
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromBytes(Json.writeBytes(manifest)));
        LOG.info("index version uploaded", "version", version, "versionId", versionId, "files", entries.size(),
                "copied", copied, "manifestKey", key);
        return key;
    }

    private Manifest readManifest(IndexVersion v) {
        byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(v.manifestKey())).asByteArray();
        Manifest m;
        try {
            m = Json.MAPPER.readValue(bytes, Manifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("manifest " + v.manifestKey() + " is unreadable", e);
        }
        if (!v.tenantId().equals(m.tenantId()) || !v.versionId().equals(m.versionId())) {
            throw new IllegalStateException("manifest " + v.manifestKey() + " belongs to " + m.tenantId() + "/" + m.versionId());
        }
        return m;
    }

    @Override
    public void download(IndexVersion version, Path dir) {
        Manifest manifest = readManifest(version);
        String prefix = prefix(version.tenantId(), version.versionId());
        Path staging = dir.resolveSibling(dir.getFileName() + ".download-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            for (Manifest.FileEntry f : manifest.files()) {
                Path target = staging.resolve(f.name());
                s3.getObject(b -> b.bucket(bucket).key(prefix + f.name()), ResponseTransformer.toFile(target));
                if (Files.size(target) != f.size() || !LocalFiles.sha256(target).equals(f.sha256())) {
                    throw new IllegalStateException("index file " + prefix + f.name() + " does not match its manifest");
                }
            }
            Files.writeString(staging.resolve(".verified"), version.versionId());
            try {
                Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // another thread downloaded the same immutable version first; its copy is as good as ours
                LocalFiles.deleteRecursively(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot download index version " + version.versionId(), e);
        } finally {
            LocalFiles.deleteRecursively(staging);
        }
    }

    @Override
    public void retainOnly(String tenantId, java.util.Set<String> keepVersionIds) {
        String root = "tenants/" + tenantId + "/index/";
        List<String> doomed = new ArrayList<>();
        List<String> found = doomed;
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(root)).contents().forEach(o -> {
            String rest = o.key().substring(root.length());
            int slash = rest.indexOf('/');
            if (slash > 0 && !keepVersionIds.contains(rest.substring(0, slash))) found.add(o.key());
        });
        if (!multiDeleteUnsupported) {
            try {
                for (int i = 0; i < doomed.size(); i += 1000) {
                    List<software.amazon.awssdk.services.s3.model.ObjectIdentifier> ids = doomed.subList(i, Math.min(doomed.size(), i + 1000))
                            .stream().map(k -> software.amazon.awssdk.services.s3.model.ObjectIdentifier.builder().key(k).build()).toList();
                    s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids).quiet(true)));
                }
                doomed = List.of();
            } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                // S3Proxy answers 501 to the checksum DeleteObjects requires; delete one by one there
                if (e.statusCode() != 501) throw e;
                multiDeleteUnsupported = true;
            }
        }
        for (String key : doomed) s3.deleteObject(b -> b.bucket(bucket).key(key));
        if (!found.isEmpty()) LOG.info("old index versions removed", "objects", found.size());
    }
}
