package io.edgemesh.tinyml.index;

/** A chunk found by one retriever, with that retriever's score (BM25, or cosine similarity for kNN). */
public record Hit(String documentId, String filename, int page, int ordinal, String heading, String text, float score) {

    /** Identity of a chunk within a version, to fuse rankings. */
    public String chunkKey() { return documentId + "#" + ordinal; }
}
