package io.edgemesh.tinyml.indexing;

import java.nio.file.Path;

/** Reads scanned documents (the uploads bucket). */
public interface DocumentSource {

    /**
     * Copies the document into {@code target} after checking it may be indexed.
     *
     * @throws DocumentRefusedException when it is not clean, changed since scanning, or too large
     * @throws DocumentGoneException    when it was deleted
     */
    void fetch(SourceDocument document, Path target);
}
