package io.edgemesh.tinyml.indexing;

/** The object no longer exists (deleted after its scan); there is nothing to index. */
public final class DocumentGoneException extends RuntimeException {
    public DocumentGoneException(String message) {
        super(message);
    }
}
