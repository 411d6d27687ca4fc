package io.edgemesh.tinyml.embed;

/**
 * Token ids of one text, {@code [CLS]} and {@code [SEP]} included, as the model takes them.
 *
 * @param ids         vocabulary ids, first {@code [CLS]}, last {@code [SEP]}
 * @param truncated   whether word pieces were dropped to respect the length limit
 */
public record Encoding(int[] ids, boolean truncated) {
    public int length() { return ids.length; }
}
