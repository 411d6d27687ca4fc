package io.edgemesh.orchestrator.chat;

/** A source the answer used, as the widget shows it. */
public record Citation(String documentId, String filename, int page, String snippet) { }
