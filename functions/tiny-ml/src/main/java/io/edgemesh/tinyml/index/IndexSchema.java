package io.edgemesh.tinyml.index;

import io.edgemesh.tinyml.text.DocumentLanguage;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * Field names and analyzers of a tenant index. The searchable text of a chunk goes into one field per
 * language ({@code text_en}, {@code text_de}, ... {@code text_other}) analysed with that language's
 * stemmer and stop words; a query is analysed once per language present in the index, because a short
 * question's language cannot be detected reliably and a tenant may mix languages.
 */
public final class IndexSchema {
    public static final String DOCUMENT_ID = "documentId";
    public static final String FILENAME = "filename";
    public static final String LANGUAGE = "language";
    public static final String PAGE = "page";
    public static final String ORDINAL = "ordinal";
    public static final String HEADING = "heading";
    public static final String TEXT = "text";
    public static final String TEXT_PREFIX = "text_";
    public static final String VECTOR = "vector";
    /** Embeddings are unit length, so the dot product is the cosine and the cheapest to compute. */
    public static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    private IndexSchema() { }

    public static String textField(DocumentLanguage language) {
        return TEXT_PREFIX + language.code();
    }

    /** A fresh analyzer per language (analyzers hold thread-local state; one wrapper per writer or searcher). */
    public static Analyzer analyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        for (Map.Entry<DocumentLanguage, Analyzer> e : languageAnalyzers().entrySet()) {
            perField.put(textField(e.getKey()), e.getValue());
        }
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
    }

    private static Map<DocumentLanguage, Analyzer> languageAnalyzers() {
        Map<DocumentLanguage, Analyzer> m = new EnumMap<>(DocumentLanguage.class);
        m.put(DocumentLanguage.ENGLISH, new EnglishAnalyzer());
        m.put(DocumentLanguage.GERMAN, new GermanAnalyzer());
        m.put(DocumentLanguage.SPANISH, new SpanishAnalyzer());
        m.put(DocumentLanguage.FRENCH, new FrenchAnalyzer());
        m.put(DocumentLanguage.PORTUGUESE, new PortugueseAnalyzer());
        m.put(DocumentLanguage.ITALIAN, new ItalianAnalyzer());
        m.put(DocumentLanguage.DUTCH, new DutchAnalyzer());
        m.put(DocumentLanguage.OTHER, new StandardAnalyzer());
        return m;
    }
}
