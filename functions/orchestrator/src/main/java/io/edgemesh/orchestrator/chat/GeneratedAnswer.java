package io.edgemesh.orchestrator.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What Layer 5 produced: the text, the passage numbers it cites (1-based) and its usage record. */
public record GeneratedAnswer(String answer, List<Integer> citedRefs, JsonNode usage) {
    public GeneratedAnswer {
        citedRefs = List.copyOf(citedRefs);
    }
}
