package io.edgemesh.analysis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a scanner queue message. The body is an S3 event notification as S3 sends it
 * ({@code {"Records":[{"eventName":"ObjectCreated:Put","s3":{...}}]}}, keys URL-encoded with '+'
 * for spaces), possibly wrapped in an SNS envelope (fan-out through SNS without raw delivery), or an
 * EventBridge "Object Created" event. S3's configuration test event and non-create events yield no
 * records. Anything else is not a notification at all.
 */
public final class S3EventMessages {

    private S3EventMessages() { }

    /** Thrown for a body that is not any known notification shape. */
    public static final class NotANotification extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotANotification(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static List<ObjectCreated> parse(String body) {
        JsonNode root;
        try {
            root = Json.parse(body == null ? "" : body);
        } catch (RuntimeException e) {
            throw new NotANotification("the message body is not JSON", e);
        }
        if (root.path("Type").asText("").equals("Notification") && root.path("Message").isTextual()) {
            return parse(root.path("Message").asText());
        }
        if (root.path("Event").asText("").equals("s3:TestEvent")) return List.of();
        if (root.has("detail") && root.path("source").asText("").equals("aws.s3")) return eventBridge(root);
        JsonNode records = root.get("Records");
        if (records == null || !records.isArray()) throw new NotANotification("no Records array in the message", null);
        List<ObjectCreated> out = new ArrayList<>();
        for (JsonNode r : records) {
            String name = r.path("eventName").asText("");
            if (!name.startsWith("ObjectCreated:")) continue;
            JsonNode s3 = r.path("s3");
            String bucket = s3.path("bucket").path("name").asText(null);
            String rawKey = s3.path("object").path("key").asText(null);
            if (bucket == null || rawKey == null) throw new NotANotification("a record has no bucket or key", null);
            out.add(new ObjectCreated(name, bucket, decodeKey(rawKey), s3.path("object").path("size").asLong(-1),
                    s3.path("object").path("eTag").asText(null)));
        }
        return out;
    }

    private static List<ObjectCreated> eventBridge(JsonNode root) {
        if (!root.path("detail-type").asText("").equals("Object Created")) return List.of();
        JsonNode d = root.path("detail");
        String bucket = d.path("bucket").path("name").asText(null);
        String key = d.path("object").path("key").asText(null);
        if (bucket == null || key == null) throw new NotANotification("the EventBridge event has no bucket or key", null);
        // EventBridge delivers the key as stored; S3 notifications URL-encode it
        return List.of(new ObjectCreated("ObjectCreated:" + d.path("reason").asText("PutObject"), bucket, key,
                d.path("object").path("size").asLong(-1), d.path("object").path("etag").asText(null)));
    }

    /** S3 notification keys are form-encoded: '+' is a space, '%2B' a plus. */
    static String decodeKey(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new NotANotification("the object key is not validly URL-encoded", e);
        }
    }
}
