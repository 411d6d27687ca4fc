package io.edgemesh.tinyml.search;

import io.edgemesh.tinyml.embed.Embedder;
import io.edgemesh.tinyml.index.Hit;
import io.edgemesh.tinyml.index.IndexCache;
import io.edgemesh.tinyml.index.TenantIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


/**
 * Answers a {@link SearchRequest} from the tenant's current index. Hybrid takes the top
 * {@code max(50, 2k)} of each retriever and fuses them; a tenant without an index gets no results.
 */
public final class SearchService {
    private static final int MIN_CANDIDATES = 50;

    private final IndexCache indexes;
    private final Embedder embedder;

    public SearchService(IndexCache indexes, Embedder embedder) {
        this.indexes = indexes;
        this.embedder = embedder;
    }

    public SearchResponse search(String tenantId, SearchRequest request) {
        return indexes.withIndex(tenantId, index -> new SearchResponse(index.map(i -> search(i, request)).orElse(List.of())));
    }

    /** The ranking itself, on an index already at hand (also used by the offline evaluation). */
    public List<SearchResult> search(TenantIndex index, SearchRequest request) {
        int k = request.k();
        return switch (request.mode()) {
            case BM25 -> index.bm25(request.query(), k).stream().map(h -> result(h, h.score(), null)).toList();
            case VECTOR -> index.knn(embedder.embedQuery(request.query()), k).stream().map(h -> result(h, h.score(), (double) h.score())).toList();
            case HYBRID -> {
                int n = Math.max(MIN_CANDIDATES, 2 * k);
                List<Hit> lexical = index.bm25(request.query(), n);
                List<Hit> semantic = index.knn(embedder.embedQuery(request.query()), n);
                java.util.Map<String, Double> cosine = new java.util.HashMap<>();
                semantic.forEach(h -> cosine.put(h.chunkKey(), (double) h.score()));
                yield ReciprocalRankFusion.fuse(ReciprocalRankFusion.DEFAULT_K, lexical, semantic).stream().limit(k)
                        .map(f -> result(f.hit(), f.score(), cosine.get(f.hit().chunkKey()))).toList();
            }
        };
    }

    private static SearchResult result(Hit h, double score, Double similarity) {
        return new SearchResult(h.documentId(), h.filename(), h.page(), h.text(), score, similarity);
    }
}
