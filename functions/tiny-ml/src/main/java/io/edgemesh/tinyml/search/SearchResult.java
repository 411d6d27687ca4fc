package io.edgemesh.tinyml.search;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One passage in a search response. {@code score} is the BM25 score, the cosine similarity or the
 * reciprocal-rank-fusion score, depending on the mode; only its order is meaningful across modes.
 * {@code similarity} is the cosine similarity of the question and the passage when the vector retriever
 * saw the passage (vector and hybrid modes), for callers that need an absolute "is this relevant at all"
 * signal; it is left out otherwise.
 */
public record SearchResult(String documentId, String filename, int page, String text, double score,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Double similarity) {

    public SearchResult(String documentId, String filename, int page, String text, double score) {
        this(documentId, filename, page, text, score, null);
    }
}
