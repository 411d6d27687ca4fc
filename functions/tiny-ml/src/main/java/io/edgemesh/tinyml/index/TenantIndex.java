package io.edgemesh.tinyml.index;

import io.edgemesh.tinyml.index.internal.LocalFiles;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * One open, searchable index version. Reference-counted: a search {@link #acquire}s and {@link #release}s;
 * {@link #close} drops the owner's reference, and the reader (and, when asked, its local folder) goes
 * away when the last search in flight finishes.
 */
public final class TenantIndex implements Closeable {

    static {
        // a 1,000-character question analysed for each language of the index can exceed the default 1,024 clauses
        IndexSearcher.setMaxClauseCount(8_192);
    }

    private final String tenantId;
    private final IndexVersion version;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer = IndexSchema.analyzer();
    private final List<String> textFields;

    private TenantIndex(String tenantId, IndexVersion version, DirectoryReader reader) {
        this.tenantId = tenantId;
        this.version = version;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        List<String> fields = new ArrayList<>();
        for (FieldInfo fi : FieldInfos.getMergedFieldInfos(reader)) {
            if (fi.name.startsWith(IndexSchema.TEXT_PREFIX)) fields.add(fi.name);
        }
        this.textFields = List.copyOf(fields);
    }

    /**
     * Opens a verified local copy of a version.
     *
     * @param deleteWhenClosed remove the folder once the reader is finally closed (cache copies)
     */
    public static TenantIndex open(String tenantId, IndexVersion version, Path dir, boolean deleteWhenClosed) {
        try {
            Directory directory = FSDirectory.open(dir);
            DirectoryReader reader = DirectoryReader.open(directory);
            reader.getReaderCacheHelper().addClosedListener(key -> {
                directory.close();
                if (deleteWhenClosed) LocalFiles.deleteRecursively(dir);
            });
            return new TenantIndex(tenantId, version, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open index " + version.versionId() + " of tenant " + tenantId, e);
        }
    }

    public String tenantId() { return tenantId; }

    public IndexVersion version() { return version; }

    public int chunkCount() { return reader.numDocs(); }

    /** Takes a reference for one search; false when the index was closed meanwhile. */
    public boolean acquire() { return reader.tryIncRef(); }

    public void release() {
        try {
            reader.decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** BM25 over the text field of every language present, top {@code n}. */
    public List<Hit> bm25(String query, int n) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        QueryBuilder builder = new QueryBuilder(analyzer);
        int clauses = 0;
        for (String field : textFields) {
            Query fq = builder.createBooleanQuery(field, query, BooleanClause.Occur.SHOULD);
            if (fq != null) {
                q.add(fq, BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        if (clauses == 0) return List.of(); // only stop words, or an empty index
        return run(q.build(), n, false);
    }

    /** Approximate nearest neighbours (HNSW) of a unit vector, top {@code n}, scored by cosine similarity. */
    public List<Hit> knn(float[] vector, int n) {
        if (reader.numDocs() == 0) return List.of();
        return run(new KnnFloatVectorQuery(IndexSchema.VECTOR, vector, n), n, true);
    }

    private List<Hit> run(Query query, int n, boolean cosine) {
        try {
            TopDocs top = searcher.search(query, n);
            StoredFields stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                Document d = stored.document(sd.doc);
                // Lucene scores DOT_PRODUCT as (1 + dot) / 2 to keep scores positive; give back the cosine
                float score = cosine ? 2 * sd.score - 1 : sd.score;
                hits.add(new Hit(d.get(IndexSchema.DOCUMENT_ID), d.get(IndexSchema.FILENAME),
                        d.getField(IndexSchema.PAGE).numericValue().intValue(),
                        d.getField(IndexSchema.ORDINAL).numericValue().intValue(),
                        d.get(IndexSchema.HEADING), d.get(IndexSchema.TEXT), score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("search failed on index " + version.versionId(), e);
        }
    }

    @Override
    public void close() {
        release();
    }
}
