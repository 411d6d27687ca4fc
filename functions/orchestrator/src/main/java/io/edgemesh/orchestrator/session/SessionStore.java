package io.edgemesh.orchestrator.session;

import java.util.Optional;

/** Where sessions live (DynamoDB with a TTL in production). */
public interface SessionStore {
    Optional<Session> find(String tenantId, String sessionId);

    /**
     * Saves {@code session} if nobody saved a newer one since it was read (optimistic locking on
     * {@code version}); returns false on a lost race so the caller can re-read and retry.
     */
    boolean save(Session session);
}
