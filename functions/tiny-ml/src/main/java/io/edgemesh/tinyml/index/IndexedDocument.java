package io.edgemesh.tinyml.index;

/** A document present in an index version, with what indexing it produced. */
public record IndexedDocument(String documentId, String filename, int chunks, int pages, String language) { }
