package io.edgemesh.tinyml.embed;

import java.util.List;

/** Turns text into the model's token ids; thread-safe. */
public interface Tokenizer {

    /** Ids with {@code [CLS]}/{@code [SEP]}, truncated so the whole sequence has at most {@code maxLength} ids. */
    Encoding encode(String text, int maxLength);

    /** The word pieces of a text without special tokens and without truncation (for chunking by tokens). */
    List<String> wordPieces(String text);

    /** Number of word pieces of a text without special tokens. */
    default int countTokens(String text) { return wordPieces(text).size(); }
}
