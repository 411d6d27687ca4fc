package io.edgemesh.events;

import java.time.OffsetDateTime;

/**
 * A parsed event with its CloudEvents attributes, for consumers that need the id (idempotency) or
 * the source (logs) as well as the data.
 */
public record ReceivedEvent<T extends EdgeMeshEvent>(String id, EventType type, String source, String subject,
                                                     OffsetDateTime time, T data) { }
