package io.edgemesh.tinyml.indexing;

import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.Logger;
import io.edgemesh.events.DocumentIndexed;
import io.edgemesh.events.DocumentRemoved;
import io.edgemesh.tinyml.embed.Embedder;
import io.edgemesh.tinyml.index.ChunkRecord;
import io.edgemesh.tinyml.index.IndexBuilder;
import io.edgemesh.tinyml.index.IndexFiles;
import io.edgemesh.tinyml.index.IndexVersion;
import io.edgemesh.tinyml.index.IndexedDocument;
import io.edgemesh.tinyml.index.VersionStore;
import io.edgemesh.tinyml.index.internal.LocalFiles;
import io.edgemesh.tinyml.text.Chunk;
import io.edgemesh.tinyml.text.Chunker;
import io.edgemesh.tinyml.text.DocumentLanguage;
import io.edgemesh.tinyml.text.ExtractedDocument;
import io.edgemesh.tinyml.text.ExtractionException;
import io.edgemesh.tinyml.text.LanguageDetection;
import io.edgemesh.tinyml.text.TextExtractor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Applies one document change to its tenant's index. Callers guarantee one writer per tenant at a time
 * (the FIFO queue's group); the conditional version write catches the rare overlap anyway.
 *
 * <p>Order of effects for an index: build and upload version n+1 (invisible), advance the pointer from n
 * to n+1 (the commit), then mark the document ready and send {@code DocumentIndexed}. If the process dies
 * before the commit, version n keeps serving and the retry starts over under a fresh version folder; if it
 * dies after, the retry finds the document in the current version and only repeats the idempotent tail.
 */
public final class DocumentIndexer {
    private static final Logger LOG = Log.get(DocumentIndexer.class);

    private final VersionStore versions;
    private final IndexFiles files;
    private final DocumentSource source;
    private final DocumentStatus status;
    private final IndexEvents events;
    private final TextExtractor extractor;
    private final Chunker chunker;
    private final Embedder embedder;
    private final Path workRoot;
    private final Clock clock;
    private final Supplier<String> nonce;

    public DocumentIndexer(VersionStore versions, IndexFiles files, DocumentSource source, DocumentStatus status,
                           IndexEvents events, TextExtractor extractor, Chunker chunker, Embedder embedder,
                           Path workRoot, Clock clock, Supplier<String> nonce) {
        this.versions = versions;
        this.files = files;
        this.source = source;
        this.status = status;
        this.events = events;
        this.extractor = extractor;
        this.chunker = chunker;
        this.embedder = embedder;
        this.workRoot = workRoot;
        this.clock = clock;
        this.nonce = nonce;
    }

    /** Production defaults: a UTC clock and 8-hex-digit random nonces for version folders. */
    public DocumentIndexer(VersionStore versions, IndexFiles files, DocumentSource source, DocumentStatus status,
                           IndexEvents events, TextExtractor extractor, Chunker chunker, Embedder embedder, Path workRoot) {
        this(versions, files, source, status, events, extractor, chunker, embedder, workRoot, Clock.systemUTC(),
                () -> UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * Indexes a clean document.
     *
     * @param replace re-index even if the current version already has it (an explicit re-index request)
     */
    public IndexOutcome index(SourceDocument doc, boolean replace) {
        String tenant = io.edgemesh.tinyml.index.TenantIds.require(doc.tenantId());
        Optional<IndexVersion> current = versions.current(tenant);
        Optional<IndexedDocument> existing = current.flatMap(v -> v.find(doc.documentId()));
        if (existing.isPresent() && !replace) {
            // a redelivery, or a retry after a crash past the commit: repeat only the idempotent tail
            IndexVersion v = current.get();
            IndexedDocument d = existing.get();
            finishIndexed(tenant, d, v.version());
            LOG.info("document already indexed", "documentId", doc.documentId(), "version", v.version());
            return new IndexOutcome("already_indexed", v.version(), d.chunks());
        }

        Path work = workRoot.resolve(tenant).resolve("work-" + nonce.get());
        try {
            Files.createDirectories(work);
            Path pdf = work.resolve("document.pdf");
            try {
                source.fetch(doc, pdf);
            } catch (DocumentGoneException e) {
                LOG.info("document gone before indexing; nothing to do", "documentId", doc.documentId(), "detail", e.getMessage());
                return new IndexOutcome("gone", current.map(IndexVersion::version).orElse(0L), 0);
            }
            ExtractedDocument extracted;
            try {
                extracted = extractor.extract(pdf);
                if (!extracted.hasText()) {
                    throw new ExtractionException(ExtractionException.NO_TEXT, "the document has no extractable text (a scan without OCR?)");
                }
            } catch (ExtractionException e) {
                status.markFailed(tenant, doc.documentId(), e.reason(), e.getMessage());
                LOG.warn("document cannot be indexed", "documentId", doc.documentId(), "reason", e.reason(), "detail", e.getMessage());
                return new IndexOutcome("failed", current.map(IndexVersion::version).orElse(0L), 0);
            }
            DocumentLanguage language = LanguageDetection.detect(extracted);
            List<Chunk> chunks = chunker.chunk(extracted);
            List<float[]> vectors = embedder.embedPassages(chunks.stream().map(Chunk::embeddingText).toList());
            String filename = doc.filename() != null && !doc.filename().isBlank() ? doc.filename()
                    : existing.map(IndexedDocument::filename).orElse(lastSegment(doc.key()));
            List<ChunkRecord> records = new ArrayList<>(chunks.size());
            for (int i = 0; i < chunks.size(); i++) {
                records.add(new ChunkRecord(doc.documentId(), filename, language, chunks.get(i), vectors.get(i)));
            }
            IndexedDocument entry = new IndexedDocument(doc.documentId(), filename, chunks.size(), extracted.pageCount(), language.code());
            List<IndexedDocument> docs = new ArrayList<>(current.map(IndexVersion::documents).orElse(List.of()));
            docs.removeIf(d -> d.documentId().equals(doc.documentId()));
            docs.add(entry);
            IndexVersion next = commit(tenant, current, Set.of(doc.documentId()), records, docs);
            finishIndexed(tenant, entry, next.version());
            LOG.info("document indexed", "documentId", doc.documentId(), "version", next.version(), "chunks", chunks.size(),
                    "pages", extracted.pageCount(), "language", language.code());
            return new IndexOutcome("indexed", next.version(), chunks.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            LocalFiles.deleteRecursively(work);
        }
    }

    /** Removes a document's chunks in a new version; a document not in the index only re-announces its removal. */
    public IndexOutcome remove(String tenant, String documentId) {
        io.edgemesh.tinyml.index.TenantIds.require(tenant);
        Optional<IndexVersion> current = versions.current(tenant);
        if (current.isEmpty()) return new IndexOutcome("not_indexed", 0, 0);
        if (!current.get().contains(documentId)) {
            // never indexed, or removed by an attempt that died before announcing it: announcing again is
            // deduplicated by (document, version) and harmless to readiness, which recounts
            events.removed(new DocumentRemoved(tenant, documentId, current.get().version()));
            return new IndexOutcome("not_indexed", current.get().version(), 0);
        }
        List<IndexedDocument> docs = new ArrayList<>(current.get().documents());
        docs.removeIf(d -> d.documentId().equals(documentId));
        IndexVersion next = commit(tenant, current, Set.of(documentId), List.of(), docs);
        events.removed(new DocumentRemoved(tenant, documentId, next.version()));
        LOG.info("document removed from the index", "documentId", documentId, "version", next.version());
        return new IndexOutcome("removed", next.version(), 0);
    }

    private void finishIndexed(String tenant, IndexedDocument d, long version) {
        status.markReady(tenant, d.documentId(), d.chunks(), d.pages(), d.language(), version);
        events.indexed(new DocumentIndexed(tenant, d.documentId(), version, d.chunks(), clock.instant()));
    }

    /** Builds, uploads and commits the next version; the local copy of the new version replaces the old. */
    private IndexVersion commit(String tenant, Optional<IndexVersion> current, Set<String> remove,
                                List<ChunkRecord> add, List<IndexedDocument> docs) {
        long nextNumber = current.map(IndexVersion::version).orElse(0L) + 1;
        String versionId = nextNumber + "-" + nonce.get();
        Path tenantDir = workRoot.resolve(tenant);
        Optional<Path> previousDir = current.map(this::localCopy);
        Path nextDir = tenantDir.resolve(versionId);
        boolean committed = false;
        try {
            IndexBuilder.build(previousDir, nextDir, remove, add);
            String manifestKey = files.upload(tenant, nextNumber, versionId, nextDir, current);
            IndexVersion next = new IndexVersion(tenant, nextNumber, versionId, manifestKey, Instant.now(clock), docs);
            versions.advance(current.map(IndexVersion::version).orElse(0L), next);
            committed = true;
            Files.writeString(nextDir.resolve(".verified"), versionId);
            previousDir.ifPresent(LocalFiles::deleteRecursively);
            retainRecent(tenant, next, current);
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!committed) LocalFiles.deleteRecursively(nextDir);
        }
    }

    /**
     * Keeps the new and the previous version in S3 (a search that read the old pointer a moment ago may still
     * be downloading it) and deletes the rest, including folders of attempts that died before committing.
     */
    private void retainRecent(String tenant, IndexVersion next, Optional<IndexVersion> previous) {
        Set<String> keep = new java.util.HashSet<>();
        keep.add(next.versionId());
        previous.ifPresent(p -> keep.add(p.versionId()));
        try {
            files.retainOnly(tenant, keep);
        } catch (RuntimeException e) {
            LOG.warn("old index versions not cleaned up; the next change retries", e, "version", next.version());
        }
    }

    /** The verified local copy of a committed version, downloaded unless this process built or fetched it. */
    private Path localCopy(IndexVersion v) {
        Path dir = workRoot.resolve(v.tenantId()).resolve(v.versionId());
        if (!Files.exists(dir.resolve(".verified"))) {
            LocalFiles.deleteRecursively(dir);
            files.download(v, dir);
        }
        return dir;
    }

    private static String lastSegment(String key) {
        int slash = key.lastIndexOf('/');
        return slash >= 0 ? key.substring(slash + 1) : key;
    }
}
