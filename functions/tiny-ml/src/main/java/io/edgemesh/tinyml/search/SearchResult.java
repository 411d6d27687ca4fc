package io.edgemesh.tinyml.search;

/**
 * One passage in a search response. {@code score} is the BM25 score, the cosine similarity or the
 * reciprocal-rank-fusion score, depending on the mode; only its order is meaningful across modes.
 */
public record SearchResult(String documentId, String filename, int page, String text, double score) { }
