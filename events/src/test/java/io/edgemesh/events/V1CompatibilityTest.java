package io.edgemesh.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.events.internal.EventJson;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Compatibility of the published v1 contract. The samples under {@code samples/v1} were written
 * when each type was published and must never be edited: a change to a record or schema that makes
 * them fail here is a breaking change and belongs in a new {@code .v2} type. Adding an optional field
 * keeps all three checks green.
 */
class V1CompatibilityTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void committed_v1_samples_still_parse_into_the_current_records(EventType type) throws IOException {
        JsonNode sample = EventSchemaTest.sample(type);
        ReceivedEvent<EdgeMeshEvent> parsed = EdgeMeshEvents.read(sample.toString());
        assertThat(parsed.type()).isEqualTo(type);
        assertThat(parsed.id()).isEqualTo(sample.get("id").asText());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void committed_v1_samples_still_validate_against_the_current_schemas(EventType type) throws IOException {
        assertThat(EventSchemaTest.schema(type).validate(EventSchemaTest.sample(type))).as(type.type()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void no_published_field_is_lost_or_changes_meaning_on_a_round_trip(EventType type) throws IOException {
        // GIVEN a published sample, WHEN it is parsed and written again by the current code,
        // THEN every data field it carried is still there with the same value (a removed or
        // renamed field, or a changed type, shows up here even though unknown fields are ignored).
        JsonNode sample = EventSchemaTest.sample(type);
        EdgeMeshEvent parsed = EdgeMeshEvents.parse(sample.toString());
        JsonNode rewritten = EventJson.MAPPER.readTree(EdgeMeshEvents.toJson(parsed)).get("data");
        Iterator<Map.Entry<String, JsonNode>> fields = sample.get("data").fields();
        while (fields.hasNext()) {
            var f = fields.next();
            assertThat(rewritten.get(f.getKey())).as(type.type() + " data." + f.getKey()).isEqualTo(f.getValue());
        }
        assertThat(EventJson.MAPPER.readTree(EdgeMeshEvents.toJson(parsed)).get("subject"))
                .isEqualTo(sample.get("subject"));
    }
}
