package io.edgemesh.orchestrator.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A visitor's conversation with one tenant. The transcript keeps at most {@link #MAX_TURNS} turns
 * (redacted text only); {@link #recent(int)} is the part that fits a model's context budget.
 */
public record Session(String tenantId, String sessionId, int trustLevel, List<Turn> turns, Instant createdAt,
                      Instant expiresAt, long version) {

    public static final int MAX_TURNS = 40;

    public Session {
        turns = List.copyOf(turns);
    }

    public static Session start(String tenantId, String sessionId, int trustLevel, Instant now, Duration ttl) {
        return new Session(tenantId, sessionId, trustLevel, List.of(), now, now.plus(ttl), 0);
    }

    /** The session with new turns appended (oldest dropped past {@link #MAX_TURNS}) and its TTL renewed. */
    public Session append(List<Turn> added, Instant now, Duration ttl) {
        List<Turn> all = new ArrayList<>(turns);
        all.addAll(added);
        if (all.size() > MAX_TURNS) all = all.subList(all.size() - MAX_TURNS, all.size());
        return new Session(tenantId, sessionId, trustLevel, all, createdAt, now.plus(ttl), version);
    }

    /** The newest turns whose estimated tokens (4 characters each) fit {@code tokenBudget}, oldest first. */
    public List<Turn> recent(int tokenBudget) {
        List<Turn> out = new ArrayList<>();
        int used = 0;
        for (int i = turns.size() - 1; i >= 0; i--) {
            int cost = (turns.get(i).text().length() + 3) / 4;
            if (used + cost > tokenBudget) break;
            used += cost;
            out.add(0, turns.get(i));
        }
        return out;
    }
}
