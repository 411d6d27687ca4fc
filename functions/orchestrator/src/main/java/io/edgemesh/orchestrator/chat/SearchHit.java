package io.edgemesh.orchestrator.chat;

/**
 * A passage Layer 4 returned. {@code score} is the ranking score of the mode used; {@code similarity}
 * is the cosine similarity between question and passage embeddings when the search reports it
 * (NaN otherwise): the only score comparable across queries, hence the one relevance is judged on.
 */
public record SearchHit(String documentId, String filename, int page, String text, double score, double similarity) { }
