package io.edgemesh.tinyml.search;

/**
 * One passage in a search response. {@code score} is the BM25 score, the cosine similarity or the
 * reciprocal-rank-fusion score, depending on the mode; only its order is meaningful across modes.
 * {@code similarity} is the cosine similarity between the query and passage embeddings whenever the
 * semantic retriever saw the passage (vector and hybrid modes), null otherwise: unlike the ranking
 * scores it is comparable across queries, so Layer 6 judges relevance (answer or abstain) on it.
 */
public record SearchResult(String documentId, String filename, int page, String text, double score, Double similarity) { }
