package io.edgemesh.tinyml.text;

/**
 * The document cannot be indexed, whatever the number of retries: not a PDF, encrypted, too many pages
 * or characters, no text at all. {@link #reason()} is a machine-readable code stored on the document.
 */
public final class ExtractionException extends Exception {
    private final String reason;

    public ExtractionException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public ExtractionException(String reason, String message) {
        this(reason, message, null);
    }

    public String reason() { return reason; }

    public static final String UNREADABLE = "unreadable_pdf";
    public static final String ENCRYPTED = "encrypted_pdf";
    public static final String TOO_LARGE = "document_too_large";
    public static final String NO_TEXT = "no_text";
}
