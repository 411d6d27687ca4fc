package io.edgemesh.llm.router;

import java.util.List;

/** The answer text, the passage numbers it cites, and its {@link Usage}. */
public record RoutedAnswer(String answer, List<Integer> citedRefs, Usage usage) {
    public RoutedAnswer {
        citedRefs = List.copyOf(citedRefs);
    }
}
