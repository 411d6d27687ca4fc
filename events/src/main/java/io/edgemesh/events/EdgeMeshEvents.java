package io.edgemesh.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.edgemesh.events.internal.EventJson;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Turns event records into CloudEvents 1.0 JSON and back, with the CloudEvents Java SDK.
 *
 * <p>Written: {@code specversion 1.0}, {@code type} from {@link EventType}, {@code source}
 * {@code /edgemesh/<layer>}, {@code subject} {@code <tenant>/<document>} (or {@code <tenant>}),
 * a fresh UUID {@code id} unless given, {@code time} now (UTC, millisecond precision), {@code
 * datacontenttype application/json}, and the record as the {@code data} JSON object.
 *
 * <p>Read: anything that is not such an event throws {@link InvalidEventException} with a
 * {@link InvalidEventException.Reason}; a subject that disagrees with the data's tenant or document
 * is rejected too, so routing on the subject and acting on the data can never diverge.
 */
public final class EdgeMeshEvents {
    private static final String JSON = "application/json";

    private EdgeMeshEvents() { }

    /** CloudEvents JSON with the type's default source, a fresh id and the current time. */
    public static String toJson(EdgeMeshEvent event) {
        return toJson(event, event.eventType().defaultSource());
    }

    /** CloudEvents JSON from {@code source} (see {@link EventSources}), with a fresh id and the current time. */
    public static String toJson(EdgeMeshEvent event, String source) {
        return write(toCloudEvent(event, source, UUID.randomUUID().toString(), now()));
    }

    /**
     * The event with everything a queue producer needs. Pass a deterministic {@code id} when a retry
     * of the same decision must be deduplicated by a FIFO queue; null means a fresh UUID.
     */
    public static OutgoingEvent encode(EdgeMeshEvent event, String source, String id) {
        String eventId = id == null ? UUID.randomUUID().toString() : id;
        String body = write(toCloudEvent(event, source, eventId, now()));
        return new OutgoingEvent(eventId, event.eventType(), event.tenantId(), body);
    }

    public static OutgoingEvent encode(EdgeMeshEvent event, String source) {
        return encode(event, source, null);
    }

    /** The SDK's CloudEvent for a record; every attribute given explicitly (tests, replays). */
    public static CloudEvent toCloudEvent(EdgeMeshEvent event, String source, String id, OffsetDateTime time) {
        if (source == null || !source.startsWith("/edgemesh/")) {
            throw new IllegalArgumentException("source must be /edgemesh/<layer>: " + source);
        }
        EventType type = event.eventType();
        JsonNode data = EventJson.MAPPER.valueToTree(event);
        return CloudEventBuilder.v1()
                .withId(id)
                .withType(type.type())
                .withSource(URI.create(source))
                .withSubject(event.subject())
                .withTime(time)
                .withDataContentType(JSON)
                .withData(JsonCloudEventData.wrap(data))
                .build();
    }

    public static String write(CloudEvent event) {
        try {
            return EventJson.MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event.getType(), e);
        }
    }

    /** The typed record of a CloudEvents JSON message. */
    public static EdgeMeshEvent parse(String json) {
        return read(json).data();
    }

    /** The record, which must be of {@code expected}'s type (a consumer of one queue names what it accepts). */
    public static <T extends EdgeMeshEvent> T parse(String json, Class<T> expected) {
        EdgeMeshEvent e = parse(json);
        if (!expected.isInstance(e)) {
            throw new InvalidEventException(InvalidEventException.Reason.UNKNOWN_TYPE,
                    "expected " + EventType.of(expected).type() + " but got " + e.eventType().type());
        }
        return expected.cast(e);
    }

    /** The record with its CloudEvents attributes. */
    public static ReceivedEvent<EdgeMeshEvent> read(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException(InvalidEventException.Reason.MALFORMED, "the message body is empty");
        }
        CloudEvent ce = readCloudEvent(json);
        if (ce.getSpecVersion() != SpecVersion.V1) {
            throw new InvalidEventException(InvalidEventException.Reason.MALFORMED,
                    "specversion must be 1.0, got " + ce.getSpecVersion().toString());
        }
        EventType type = EventType.fromType(ce.getType()).orElseThrow(() -> new InvalidEventException(
                InvalidEventException.Reason.UNKNOWN_TYPE, "unknown event type: " + abbreviate(ce.getType())));
        String contentType = ce.getDataContentType();
        if (contentType != null && !contentType.equals(JSON) && !contentType.startsWith(JSON + ";")) {
            throw new InvalidEventException(InvalidEventException.Reason.INVALID_DATA,
                    "datacontenttype must be application/json, got " + abbreviate(contentType));
        }
        EdgeMeshEvent data = bind(type, ce.getData());
        if (!data.subject().equals(ce.getSubject())) {
            throw new InvalidEventException(InvalidEventException.Reason.SUBJECT_MISMATCH,
                    "subject '" + abbreviate(ce.getSubject()) + "' does not match the data's '" + data.subject() + "'");
        }
        return new ReceivedEvent<>(ce.getId(), type, ce.getSource().toString(), ce.getSubject(), ce.getTime(), data);
    }

    private static CloudEvent readCloudEvent(String json) {
        try {
            CloudEvent ce = EventJson.MAPPER.readValue(json.getBytes(StandardCharsets.UTF_8), CloudEvent.class);
            if (ce == null) throw new InvalidEventException(InvalidEventException.Reason.MALFORMED, "the message is JSON null");
            return ce;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidEventException iee) throw iee;
            throw new InvalidEventException(InvalidEventException.Reason.MALFORMED,
                    "not a CloudEvents 1.0 JSON event: " + rootMessage(e), e);
        }
    }

    private static EdgeMeshEvent bind(EventType type, CloudEventData data) {
        if (data == null) {
            throw new InvalidEventException(InvalidEventException.Reason.INVALID_DATA, type.type() + " has no data");
        }
        try {
            JsonNode node = data instanceof JsonCloudEventData j ? j.getNode() : EventJson.MAPPER.readTree(data.toBytes());
            if (node == null || !node.isObject()) {
                throw new InvalidEventException(InvalidEventException.Reason.INVALID_DATA, type.type() + " data must be a JSON object");
            }
            return EventJson.MAPPER.treeToValue(node, type.recordClass());
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidEventException(InvalidEventException.Reason.INVALID_DATA,
                    type.type() + " data is invalid: " + rootMessage(e), e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : t.getMessage();
        return abbreviate(m == null ? t.getClass().getSimpleName() : m);
    }

    private static String abbreviate(String s) {
        if (s == null) return "null";
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
