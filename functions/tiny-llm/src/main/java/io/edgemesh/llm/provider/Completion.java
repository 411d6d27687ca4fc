package io.edgemesh.llm.provider;

import java.util.List;

/**
 * A provider's answer. {@code citedRefs} are the passage numbers the answer cites; token counts are
 * the provider's own when it reports them, estimates otherwise ({@code estimated}).
 */
public record Completion(String text, List<Integer> citedRefs, int inputTokens, int outputTokens, boolean estimated) {
    public Completion {
        citedRefs = List.copyOf(citedRefs);
    }
}
