package io.edgemesh.llm.provider;

import java.text.BreakIterator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The built-in responder: composes an answer from the best sentences of the retrieved passages,
 * each followed by its citation marker. It needs no model, never leaves the function, costs nothing,
 * and cannot say anything the documents do not say, which makes it the safe local default.
 *
 * <p>Sentences are scored by the question's content words they contain (weighted by how rare the
 * word is among the candidate sentences, with a light prefix match standing in for stemming across
 * languages), plus a bonus for the passage's retrieval rank. When no sentence shares a word with the
 * question (a paraphrase found by the vector search), the opening of the best passage is used.
 */
public final class ExtractiveProvider implements Provider {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_SENTENCES = 3;
    private static final int MAX_PASSAGES = 3;
    private static final int PREFIX = 5;
    // languages share short words ("as", "do", "no"), so duplicates are expected here
    private static final Set<String> STOP = Set.copyOf(List.of(
            // English
            "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "is", "are", "was", "were", "be", "been", "it",
            "this", "that", "what", "which", "who", "whom", "how", "when", "where", "why", "do", "does", "did", "can",
            "could", "would", "should", "i", "you", "we", "they", "he", "she", "my", "your", "our", "their", "with",
            "about", "from", "by", "at", "as", "there", "any", "some", "me", "tell", "please", "have", "has", "had",
            // German
            "der", "die", "das", "und", "oder", "ist", "sind", "ein", "eine", "wie", "was", "wer", "wo", "wann", "warum",
            "ich", "sie", "wir", "mit", "von", "zu", "im", "den", "dem", "des", "für", "auf", "es", "kann", "können",
            // Spanish / Portuguese / French
            "el", "la", "los", "las", "un", "una", "y", "o", "de", "del", "en", "que", "qué", "es", "son", "por", "para",
            "cómo", "como", "cuál", "cual", "dónde", "cuando", "mi", "su", "se", "lo", "le", "les", "des", "du", "et",
            "est", "une", "quel", "quelle", "comment", "pour", "dans", "sur", "avec", "os", "as", "um", "uma", "do", "da",
            "no", "na", "em", "qual", "onde", "quando", "com"));

    @Override
    public String id() { return "extractive"; }

    @Override
    public boolean local() { return true; }

    @Override
    public Completion complete(CompletionRequest request, Duration timeout) {
        List<Passage> passages = request.passages().stream().limit(MAX_PASSAGES).toList();
        if (passages.isEmpty()) {
            return new Completion("", List.of(), Tokens.estimate(request.question()), 0, true);
        }
        Locale locale = request.locale() == null ? Locale.ROOT : Locale.forLanguageTag(request.locale());
        Set<String> question = contentWords(request.question());

        List<Candidate> candidates = new ArrayList<>();
        for (int pi = 0; pi < passages.size(); pi++) {
            Passage p = passages.get(pi);
            int si = 0;
            for (String s : sentences(p.text(), locale)) {
                candidates.add(new Candidate(p, pi, si++, s, contentWords(s)));
            }
        }
        Map<String, Integer> df = new HashMap<>();
        for (Candidate c : candidates) {
            for (String w : c.words) df.merge(prefix(w), 1, Integer::sum);
        }
        for (Candidate c : candidates) {
            double overlap = 0;
            Set<String> seen = new HashSet<>();
            for (String w : c.words) {
                String pw = prefix(w);
                if (seen.add(pw) && question.stream().anyMatch(q -> prefix(q).equals(pw))) {
                    overlap += Math.log(1.0 + (double) candidates.size() / df.get(pw));
                }
            }
            c.overlap = overlap;
            // Retrieval already ranked the passages: earlier passages and earlier sentences win ties.
            c.score = overlap + 0.35 / (1 + c.passageRank) + 0.05 / (1 + c.sentenceIndex);
        }

        List<Candidate> chosen;
        if (candidates.stream().noneMatch(c -> c.overlap > 0)) {
            chosen = candidates.stream().filter(c -> c.passageRank == 0).limit(2).toList();
        } else {
            double best = candidates.stream().mapToDouble(c -> c.score).max().orElse(0);
            chosen = candidates.stream().filter(c -> c.overlap > 0 && c.score >= best * 0.45)
                    .sorted(Comparator.comparingDouble((Candidate c) -> -c.score)).limit(MAX_SENTENCES)
                    .sorted(Comparator.comparingInt((Candidate c) -> c.passageRank).thenComparingInt(c -> c.sentenceIndex))
                    .toList();
        }

        StringBuilder answer = new StringBuilder();
        Set<Integer> cited = new LinkedHashSet<>();
        int budgetChars = Math.max(200, request.maxOutputTokens() * 4);
        for (int i = 0; i < chosen.size(); i++) {
            Candidate c = chosen.get(i);
            String s = c.text.strip();
            if (answer.length() + s.length() > budgetChars && answer.length() > 0) break;
            if (answer.length() > 0) answer.append(' ');
            answer.append(s);
            boolean lastOfPassage = i + 1 == chosen.size() || chosen.get(i + 1).passage != c.passage;
            if (lastOfPassage) answer.append(" [").append(c.passage.ref()).append(']');
            cited.add(c.passage.ref());
        }
        int input = Tokens.estimate(request.question()) + passages.stream().mapToInt(p -> Tokens.estimate(p.text())).sum();
        return new Completion(answer.toString(), List.copyOf(cited), input, Tokens.estimate(answer.toString()), true);
    }

    private static final class Candidate {
        final Passage passage;
        final int passageRank;
        final int sentenceIndex;
        final String text;
        final Set<String> words;
        double overlap;
        double score;

        Candidate(Passage passage, int passageRank, int sentenceIndex, String text, Set<String> words) {
            this.passage = passage;
            this.passageRank = passageRank;
            this.sentenceIndex = sentenceIndex;
            this.text = text;
            this.words = words;
        }
    }

    static Set<String> contentWords(String text) {
        Set<String> out = new LinkedHashSet<>();
        var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (!STOP.contains(w) && (w.length() > 2 || w.chars().allMatch(Character::isDigit))) out.add(w);
        }
        return out;
    }

    private static String prefix(String w) {
        return w.length() <= PREFIX ? w : w.substring(0, PREFIX);
    }

    static List<String> sentences(String text, Locale locale) {
        BreakIterator it = BreakIterator.getSentenceInstance(locale);
        String clean = text.replaceAll("\\s+", " ").strip();
        it.setText(clean);
        List<String> out = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String s = clean.substring(start, end).strip();
            if (s.length() >= 3) out.add(s);
        }
        return out;
    }
}
