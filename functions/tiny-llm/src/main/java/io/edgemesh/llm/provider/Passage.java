package io.edgemesh.llm.provider;

/** A retrieved passage the answer may use; {@code ref} is its citation number (1-based). */
public record Passage(int ref, String documentId, String filename, int page, String text, double score) { }
