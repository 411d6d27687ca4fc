package io.edgemesh.tinyml.embed;

import java.util.List;

/** Text to unit-length vectors, so that a dot product is the cosine similarity; thread-safe. */
public interface Embedder {

    /** Vector length (384 for all-MiniLM-L6-v2). */
    int dimension();

    /** One short text (a visitor's question). */
    float[] embedQuery(String query);

    /** Many passages, batched; the result is in input order. */
    List<float[]> embedPassages(List<String> passages);
}
