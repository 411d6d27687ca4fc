package io.edgemesh.tinyml.text;

/**
 * A retrievable passage.
 *
 * @param ordinal position in the document, from 0
 * @param page    1-based page the passage is on (chunks never span pages)
 * @param heading nearest heading above the passage, or "" when none was seen
 * @param text    the passage as it appears in the document
 * @param tokens  word pieces in {@code text}
 */
public record Chunk(int ordinal, int page, String heading, String text, int tokens) {

    /** What the embedder sees: the heading gives a passage its topic when the text alone does not. */
    public String embeddingText() {
        return heading.isEmpty() ? text : heading + "\n" + text;
    }
}
