package io.edgemesh.firewall.pii;

import java.util.List;

/** A message after redaction: the readable text with typed placeholders, and what was replaced where. */
public record Redacted(String text, List<Redaction> redactions) {
    public Redacted {
        redactions = List.copyOf(redactions);
    }

    public boolean changed() { return !redactions.isEmpty(); }
}
