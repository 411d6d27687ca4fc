package io.edgemesh.tinyml.index;

import io.edgemesh.tinyml.index.internal.LocalFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes a new index version into a local directory: the previous version's files (linked, since Lucene
 * never changes a file once written), minus the chunks of replaced or removed documents, plus new chunks,
 * committed. The directory then holds exactly the files of the new commit.
 */
public final class IndexBuilder {

    private IndexBuilder() { }

    /**
     * @param previous  the previous version's verified local directory, if any
     * @param target    an empty or missing directory that receives the new version
     * @param removeIds documents whose chunks must go (a re-indexed document is removed, then added)
     * @param add       chunks to add
     */
    public static void build(Optional<Path> previous, Path target, Collection<String> removeIds, List<ChunkRecord> add) {
        try {
            LocalFiles.deleteRecursively(target);
            Files.createDirectories(target);
            if (previous.isPresent()) LocalFiles.linkOrCopyAll(previous.get(), target);
            IndexWriterConfig config = new IndexWriterConfig(IndexSchema.analyzer())
                    .setOpenMode(previous.isPresent() ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE)
                    .setUseCompoundFile(true)
                    .setCommitOnClose(false);
            try (Directory dir = FSDirectory.open(target); IndexWriter writer = new IndexWriter(dir, config)) {
                for (String id : removeIds) writer.deleteDocuments(new Term(IndexSchema.DOCUMENT_ID, id));
                List<Document> docs = new ArrayList<>(add.size());
                for (ChunkRecord r : add) docs.add(toDocument(r));
                writer.addDocuments(docs);
                writer.commit();
            }
            // the lock file is process-local state, not part of a version
            Files.deleteIfExists(target.resolve(IndexWriter.WRITE_LOCK_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the index in " + target, e);
        }
    }

    static Document toDocument(ChunkRecord r) {
        Document d = new Document();
        d.add(new StringField(IndexSchema.DOCUMENT_ID, r.documentId(), Field.Store.YES));
        d.add(new StoredField(IndexSchema.FILENAME, r.filename()));
        d.add(new StringField(IndexSchema.LANGUAGE, r.language().code(), Field.Store.YES));
        d.add(new StoredField(IndexSchema.PAGE, r.chunk().page()));
        d.add(new StoredField(IndexSchema.ORDINAL, r.chunk().ordinal()));
        d.add(new StoredField(IndexSchema.HEADING, r.chunk().heading()));
        d.add(new StoredField(IndexSchema.TEXT, r.chunk().text()));
        // the heading is searchable with the passage: "Returns" should find the passages under it
        d.add(new TextField(IndexSchema.textField(r.language()), r.chunk().embeddingText(), Field.Store.NO));
        d.add(new KnnFloatVectorField(IndexSchema.VECTOR, r.vector(), IndexSchema.SIMILARITY));
        return d;
    }
}
