package io.edgemesh.tinyml.text;

import io.edgemesh.tinyml.embed.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a document into passages of at most {@code maxTokens} word pieces, overlapping by about
 * {@code overlapTokens}, so that every passage fits the embedding model whole and a sentence cut at one
 * boundary is complete in the neighbour. Passages stay within a page (citations give one page) and
 * start afresh at a heading (one topic per passage); a cut prefers the end of a sentence when one is in
 * the last quarter of the window.
 */
public final class Chunker {

    private final Tokenizer tokenizer;
    private final int maxTokens;
    private final int overlapTokens;

    public Chunker(Tokenizer tokenizer, int maxTokens, int overlapTokens) {
        if (overlapTokens >= maxTokens / 2) throw new IllegalArgumentException("overlap must be under half the window");
        this.tokenizer = tokenizer;
        this.maxTokens = maxTokens;
        this.overlapTokens = overlapTokens;
    }

    /** 224 tokens leaves room for the heading and [CLS]/[SEP] within the model's 256; 32 of overlap. */
    public static Chunker withDefaults(Tokenizer tokenizer) {
        return new Chunker(tokenizer, 224, 32);
    }

    private record Word(String text, int tokens) {
        boolean endsSentence() {
            char c = text.charAt(text.length() - 1);
            return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
        }
    }

    public List<Chunk> chunk(ExtractedDocument doc) {
        List<Chunk> out = new ArrayList<>();
        String heading = "";
        for (PageText page : doc.pages()) {
            List<Word> window = new ArrayList<>();
            for (Block block : page.blocks()) {
                if (block.heading()) {
                    flushAll(window, page.number(), heading, out);
                    heading = block.text().strip();
                    continue;
                }
                for (String w : block.text().split("\\s+")) {
                    if (w.isEmpty()) continue;
                    int t = Math.max(1, tokenizer.countTokens(w));
                    if (t > maxTokens) t = maxTokens; // one absurd "word" cannot exceed a window on its own
                    if (tokensOf(window) + t > maxTokens) emitAndSlide(window, page.number(), heading, out);
                    window.add(new Word(w, t));
                }
            }
            flushAll(window, page.number(), heading, out);
        }
        return out;
    }

    private static int tokensOf(List<Word> words) {
        int s = 0;
        for (Word w : words) s += w.tokens();
        return s;
    }

    /** Emits a full window, cut at a sentence end if one is near its end, and keeps the overlap. */
    private void emitAndSlide(List<Word> window, int page, String heading, List<Chunk> out) {
        int cut = window.size();
        int chunkTokens = tokensOf(window);
        for (int i = window.size(); i > 0 && chunkTokens >= maxTokens * 3 / 4; i--) {
            if (window.get(i - 1).endsSentence()) {
                cut = i;
                break;
            }
            chunkTokens -= window.get(i - 1).tokens();
        }
        emit(window.subList(0, cut), page, heading, out);
        // the next window starts with the last ~overlap tokens of the emitted part, then what was after the cut
        int start = cut;
        int overlap = 0;
        while (start > 0 && overlap + window.get(start - 1).tokens() <= overlapTokens) {
            start--;
            overlap += window.get(start).tokens();
        }
        List<Word> rest = new ArrayList<>(window.subList(start, window.size()));
        window.clear();
        window.addAll(rest);
    }

    private void flushAll(List<Word> window, int page, String heading, List<Chunk> out) {
        if (window.isEmpty()) return;
        // a tail that is nothing but the overlap of the previous chunk adds no text
        if (!out.isEmpty() && out.get(out.size() - 1).page() == page && out.get(out.size() - 1).text().endsWith(join(window))) {
            window.clear();
            return;
        }
        emit(window, page, heading, out);
        window.clear();
    }

    private static String join(List<Word> words) {
        StringBuilder sb = new StringBuilder();
        for (Word w : words) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(w.text());
        }
        return sb.toString();
    }

    private static void emit(List<Word> words, int page, String heading, List<Chunk> out) {
        if (words.isEmpty()) return;
        out.add(new Chunk(out.size(), page, heading, join(words), tokensOf(words)));
    }
}
