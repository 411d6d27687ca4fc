package io.edgemesh.tinyml.text;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages the index has stemming analyzers for; anything else is {@link #OTHER} and gets a
 * language-neutral analyzer. The code is ISO 639-1 ("other" for the rest) and is stored in the index.
 */
public enum DocumentLanguage {
    ENGLISH("en"), GERMAN("de"), SPANISH("es"), FRENCH("fr"), PORTUGUESE("pt"), ITALIAN("it"), DUTCH("nl"), OTHER("other");

    private final String code;

    DocumentLanguage(String code) { this.code = code; }

    public String code() { return code; }

    public static Optional<DocumentLanguage> fromCode(String code) {
        if (code == null) return Optional.empty();
        String c = code.toLowerCase(Locale.ROOT);
        for (DocumentLanguage l : values()) if (l.code.equals(c)) return Optional.of(l);
        return Optional.empty();
    }
}
