package io.edgemesh.orchestrator.chat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides which retrieved passages are relevant enough to answer from; when none is, the orchestrator
 * says it does not know instead of guessing. The judgement uses the embedding cosine similarity
 * (comparable across queries, unlike BM25 or fused ranks); a search that reports no similarity falls
 * back to the share of the question's content words found in the passage.
 */
public final class RelevanceGate {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");
    private final double minSimilarity;
    private final double minLexicalCoverage;

    /**
     * @param minSimilarity      cosine similarity a passage needs (MiniLM: unrelated text sits near 0.1–0.2)
     * @param minLexicalCoverage share of question words a passage needs when no similarity is reported
     */
    public RelevanceGate(double minSimilarity, double minLexicalCoverage) {
        this.minSimilarity = minSimilarity;
        this.minLexicalCoverage = minLexicalCoverage;
    }

    public static RelevanceGate defaults() { return new RelevanceGate(0.35, 0.5); }

    public List<SearchHit> relevant(String question, List<SearchHit> hits) {
        Set<String> q = words(question);
        return hits.stream().filter(h -> Double.isNaN(h.similarity())
                ? coverage(q, words(h.text())) >= minLexicalCoverage
                : h.similarity() >= minSimilarity).toList();
    }

    static double coverage(Set<String> question, Set<String> passage) {
        if (question.isEmpty()) return 0;
        long found = question.stream().filter(passage::contains).count();
        return (double) found / question.size();
    }

    static Set<String> words(String text) {
        return WORD.matcher(text.toLowerCase(Locale.ROOT)).results().map(m -> m.group()).collect(Collectors.toSet());
    }

    public double minSimilarity() { return minSimilarity; }
}
