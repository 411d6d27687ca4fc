package io.edgemesh.orchestrator.session;

import java.time.Instant;

/** One message of a conversation; {@code text} is already redacted by the firewall. */
public record Turn(String role, String text, Instant at) {
    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";
}
