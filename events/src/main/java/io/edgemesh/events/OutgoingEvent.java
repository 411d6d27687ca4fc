package io.edgemesh.events;

/**
 * An event ready for {@code SendMessage}: the body, and the ids a FIFO queue needs.
 *
 * @param id       the CloudEvents id; also the FIFO {@code MessageDeduplicationId}
 * @param tenantId also the FIFO {@code MessageGroupId}, so one tenant's events stay ordered
 * @param body     the CloudEvents JSON
 */
public record OutgoingEvent(String id, EventType type, String tenantId, String body) {
    public String messageGroupId() { return tenantId; }

    public String deduplicationId() { return id; }
}
