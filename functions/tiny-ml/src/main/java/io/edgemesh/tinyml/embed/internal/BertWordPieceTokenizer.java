package io.edgemesh.tinyml.embed.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgemesh.tinyml.embed.Encoding;
import io.edgemesh.tinyml.embed.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Hugging Face BERT pipeline for a {@code tokenizer.json} whose normaliser is {@code BertNormalizer},
 * pre-tokeniser {@code BertPreTokenizer} and model {@code WordPiece}: special tokens matched in the raw
 * text, clean text, spaces around CJK ideographs, accents stripped (NFD minus Mn) and lower case, split
 * on whitespace and punctuation, greedy longest-match WordPiece with {@code ##} continuations.
 * Immutable after construction, hence thread-safe. Agreement with the reference implementation is
 * checked by {@code TokenizerAgreementTest}.
 */
public final class BertWordPieceTokenizer implements Tokenizer {

    private final Map<String, Integer> vocab;
    private final String unkToken;
    private final int unkId;
    private final String continuingPrefix;
    private final int maxInputCharsPerWord;
    private final boolean cleanText;
    private final boolean handleChineseChars;
    private final boolean lowercase;
    private final boolean stripAccents;
    private final int clsId;
    private final int sepId;
    /** Special tokens matched verbatim before normalisation, longest first so "[MASK]x" prefers the longest. */
    private final List<String> specialTokens;

    private BertWordPieceTokenizer(JsonNode root) {
        JsonNode model = root.path("model");
        if (!"WordPiece".equals(model.path("type").asText())) {
            throw new IllegalArgumentException("tokenizer.json model is not WordPiece: " + model.path("type").asText());
        }
        JsonNode normalizer = root.path("normalizer");
        if (!"BertNormalizer".equals(normalizer.path("type").asText())) {
            throw new IllegalArgumentException("tokenizer.json normalizer is not BertNormalizer");
        }
        if (!"BertPreTokenizer".equals(root.path("pre_tokenizer").path("type").asText())) {
            throw new IllegalArgumentException("tokenizer.json pre_tokenizer is not BertPreTokenizer");
        }
        Map<String, Integer> v = new HashMap<>(model.path("vocab").size() * 2);
        model.path("vocab").properties().forEach(e -> v.put(e.getKey(), e.getValue().asInt()));
        this.vocab = Map.copyOf(v);
        this.unkToken = model.path("unk_token").asText("[UNK]");
        this.unkId = idOf(unkToken);
        this.continuingPrefix = model.path("continuing_subword_prefix").asText("##");
        this.maxInputCharsPerWord = model.path("max_input_chars_per_word").asInt(100);
        this.cleanText = normalizer.path("clean_text").asBoolean(true);
        this.handleChineseChars = normalizer.path("handle_chinese_chars").asBoolean(true);
        this.lowercase = normalizer.path("lowercase").asBoolean(true);
        JsonNode strip = normalizer.path("strip_accents");
        // as in the Rust tokenizer: an unset strip_accents follows lowercase
        this.stripAccents = strip.isBoolean() ? strip.asBoolean() : lowercase;
        this.clsId = idOf("[CLS]");
        this.sepId = idOf("[SEP]");
        List<String> specials = new ArrayList<>();
        for (JsonNode t : root.path("added_tokens")) {
            if (t.path("special").asBoolean(false)) specials.add(t.path("content").asText());
        }
        specials.sort(Comparator.comparingInt(String::length).reversed());
        this.specialTokens = List.copyOf(specials);
    }

    public static BertWordPieceTokenizer fromJson(InputStream tokenizerJson) {
        try (tokenizerJson) {
            return new BertWordPieceTokenizer(new ObjectMapper().readTree(tokenizerJson));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer.json", e);
        }
    }

    private int idOf(String token) {
        Integer id = vocab.get(token);
        if (id == null) throw new IllegalArgumentException("tokenizer.json vocabulary lacks " + token);
        return id;
    }

    @Override
    public Encoding encode(String text, int maxLength) {
        if (maxLength < 2) throw new IllegalArgumentException("maxLength must leave room for [CLS] and [SEP]");
        List<String> pieces = wordPieces(text);
        int budget = maxLength - 2;
        boolean truncated = pieces.size() > budget;
        int n = Math.min(pieces.size(), budget);
        int[] ids = new int[n + 2];
        ids[0] = clsId;
        for (int i = 0; i < n; i++) ids[i + 1] = vocab.getOrDefault(pieces.get(i), unkId);
        ids[n + 1] = sepId;
        return new Encoding(ids, truncated);
    }

    @Override
    public List<String> wordPieces(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        int from = 0;
        while (from < text.length()) {
            int bestAt = -1;
            String best = null;
            for (String special : specialTokens) {
                int at = text.indexOf(special, from);
                if (at >= 0 && (bestAt < 0 || at < bestAt)) {
                    bestAt = at;
                    best = special;
                }
            }
            if (best == null) {
                tokenizeSegment(text.substring(from), out);
                break;
            }
            tokenizeSegment(text.substring(from, bestAt), out);
            out.add(best);
            from = bestAt + best.length();
        }
        return out;
    }

    private void tokenizeSegment(String segment, List<String> out) {
        if (segment.isEmpty()) return;
        for (String word : preTokenize(normalize(segment))) wordPiece(word, out);
    }

    String normalize(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (cleanText) {
                if (cp == 0 || cp == 0xFFFD || isControl(cp)) return;
                if (isWhitespace(cp)) {
                    sb.append(' ');
                    return;
                }
            }
            if (handleChineseChars && isChineseChar(cp)) {
                sb.append(' ').appendCodePoint(cp).append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        String s = sb.toString();
        if (stripAccents) s = stripAccents(s);
        if (lowercase) s = s.toLowerCase(Locale.ROOT);
        // lower-casing can produce new combining marks (İ -> i + U+0307), which the reference then strips
        if (stripAccents && lowercase) s = stripAccents(s);
        return s;
    }

    private static String stripAccents(String s) {
        String nfd = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(nfd.length());
        nfd.codePoints().filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    List<String> preTokenize(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isWhitespace(cp)) {
                flush(cur, words);
            } else if (isPunctuation(cp)) {
                flush(cur, words);
                words.add(new String(Character.toChars(cp)));
            } else {
                cur.appendCodePoint(cp);
            }
        }
        flush(cur, words);
        return words;
    }

    private static void flush(StringBuilder cur, List<String> words) {
        if (!cur.isEmpty()) {
            words.add(cur.toString());
            cur.setLength(0);
        }
    }

    private void wordPiece(String word, List<String> out) {
        int[] cps = word.codePoints().toArray();
        if (cps.length > maxInputCharsPerWord) {
            out.add(unkToken);
            return;
        }
        int mark = out.size();
        int start = 0;
        while (start < cps.length) {
            int end = cps.length;
            String found = null;
            while (start < end) {
                String sub = new String(cps, start, end - start);
                if (start > 0) sub = continuingPrefix + sub;
                if (vocab.containsKey(sub)) {
                    found = sub;
                    break;
                }
                end--;
            }
            if (found == null) {
                // the whole word becomes one [UNK], as in the reference
                out.subList(mark, out.size()).clear();
                out.add(unkToken);
                return;
            }
            out.add(found);
            start = end;
        }
    }

    /** Unicode White_Space plus tab, newline and carriage return (Java's isWhitespace misses no-break spaces). */
    static boolean isWhitespace(int cp) {
        return switch (cp) {
            case '\t', '\n', '\r', ' ', 0x0B, 0x0C, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> cp >= 0x2000 && cp <= 0x200A;
        };
    }

    /** General categories Cc, Cf, Co, Cs, except the three whitespace controls. */
    static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') return false;
        int t = Character.getType(cp);
        return t == Character.CONTROL || t == Character.FORMAT || t == Character.PRIVATE_USE || t == Character.SURROGATE;
    }

    /** ASCII punctuation and symbols, or any Unicode punctuation category. */
    static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        int t = Character.getType(cp);
        return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION
                || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION
                || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION
                || t == Character.OTHER_PUNCTUATION;
    }

    /** The CJK Unified Ideographs blocks BERT surrounds with spaces. */
    static boolean isChineseChar(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }
}
