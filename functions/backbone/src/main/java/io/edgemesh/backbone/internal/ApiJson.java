package io.edgemesh.backbone.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.edgemesh.common.Json;

/**
 * Turns the backbone's answer records into JSON trees before the envelope handler writes them:
 * the shared mapper's settings plus {@code java.time} values as ISO-8601 strings
 * ({@code "2026-11-22T10:00:00Z"}), never epoch numbers.
 */
public final class ApiJson {
    private static final ObjectMapper MAPPER = Json.MAPPER.copy()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ApiJson() { }

    public static JsonNode tree(Object value) { return MAPPER.valueToTree(value); }
}
