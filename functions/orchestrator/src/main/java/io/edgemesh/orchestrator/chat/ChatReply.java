package io.edgemesh.orchestrator.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The orchestrator's answer. {@code grounded} is false when it abstained (nothing relevant found) or
 * answered a greeting or a hand-off; {@code escalationId} is set when a human was asked to take over.
 */
public record ChatReply(String sessionId, String answer, List<Citation> citations, JsonNode usage, String intent,
                        boolean grounded, String escalationId) {
    public ChatReply {
        citations = List.copyOf(citations);
    }
}
