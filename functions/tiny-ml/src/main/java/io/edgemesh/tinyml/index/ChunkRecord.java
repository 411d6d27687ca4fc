package io.edgemesh.tinyml.index;

import io.edgemesh.tinyml.text.Chunk;
import io.edgemesh.tinyml.text.DocumentLanguage;

/** A chunk ready for the index: where it comes from, its text and its embedding. */
public record ChunkRecord(String documentId, String filename, DocumentLanguage language, Chunk chunk, float[] vector) { }
