package io.edgemesh.tinyml.text;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Map;

/**
 * One language per document with Lingua, restricted to the seven languages we have analyzers for and in
 * its low-accuracy (trigram) mode: a document gives thousands of characters, where trigrams are as good
 * as the full model, and only those models are loaded (a few MB instead of about a GB). Thread-safe;
 * one detector per JVM.
 */
public final class LanguageDetection {

    private static final int SAMPLE_CHARS = 20_000;
    private static final Map<Language, DocumentLanguage> MAPPING = Map.of(
            Language.ENGLISH, DocumentLanguage.ENGLISH, Language.GERMAN, DocumentLanguage.GERMAN,
            Language.SPANISH, DocumentLanguage.SPANISH, Language.FRENCH, DocumentLanguage.FRENCH,
            Language.PORTUGUESE, DocumentLanguage.PORTUGUESE, Language.ITALIAN, DocumentLanguage.ITALIAN,
            Language.DUTCH, DocumentLanguage.DUTCH);

    private static final class Holder {
        static final LanguageDetector DETECTOR = LanguageDetectorBuilder
                .fromLanguages(MAPPING.keySet().toArray(new Language[0]))
                .withLowAccuracyMode()
                .build();
    }

    private LanguageDetection() { }

    /** The language of a document, judged on its first 20,000 characters. */
    public static DocumentLanguage detect(ExtractedDocument doc) {
        return detect(doc.sample(SAMPLE_CHARS));
    }

    public static DocumentLanguage detect(String text) {
        if (text == null || text.isBlank()) return DocumentLanguage.OTHER;
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        return MAPPING.getOrDefault(Holder.DETECTOR.detectLanguageOf(sample), DocumentLanguage.OTHER);
    }
}
