package io.edgemesh.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.edgemesh.events.internal.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JSON Schemas are the published contract. Every registered type must have a schema and a
 * committed sample; the sample and freshly written events must validate; and the schema must
 * describe exactly the record's fields, so the two cannot drift apart.
 */
class EventSchemaTest {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    static JsonSchema schema(EventType type) throws IOException {
        try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            assertThat(in).as("schema for " + type.type() + " at " + type.schemaResource()).isNotNull();
            return FACTORY.getSchema(EventJson.MAPPER.readTree(in), CONFIG);
        }
    }

    static JsonNode schemaJson(EventType type) throws IOException {
        try (InputStream in = EventType.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            return EventJson.MAPPER.readTree(in);
        }
    }

    static JsonNode sample(EventType type) throws IOException {
        String path = "samples/v1/" + type.type() + ".json";
        try (InputStream in = EventSchemaTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("committed sample " + path).isNotNull();
            return EventJson.MAPPER.readTree(in);
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_registered_type_has_a_schema_and_a_sample_that_validates(EventType type) throws IOException {
        Set<ValidationMessage> errors = schema(type).validate(sample(type));
        assertThat(errors).as(type.type()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void freshly_written_events_validate_against_their_schema(EventType type) throws IOException {
        JsonNode written = EventJson.MAPPER.readTree(EdgeMeshEvents.toJson(SampleEvents.of(type)));
        assertThat(schema(type).validate(written)).as(type.type()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schema_data_properties_are_exactly_the_record_components(EventType type) throws IOException {
        Set<String> schemaProps = new HashSet<>();
        Iterator<String> it = schemaJson(type).at("/properties/data/properties").fieldNames();
        it.forEachRemaining(schemaProps::add);
        Set<String> components = new HashSet<>();
        Arrays.stream(type.recordClass().getRecordComponents()).forEach(c -> components.add(c.getName()));
        assertThat(schemaProps).as(type.type()).isEqualTo(components);
        assertThat(schemaJson(type).at("/properties/type/const").asText()).isEqualTo(type.type());
    }

    @Test
    void no_schema_or_sample_file_exists_without_a_registered_type() throws IOException {
        Set<String> registered = new HashSet<>();
        for (EventType t : EventType.values()) registered.add(t.type() + ".json");
        for (String dir : new String[] {"schemas", "samples/v1"}) {
            var url = getClass().getClassLoader().getResource(dir);
            assertThat(url).isNotNull();
            try (var files = java.nio.file.Files.list(java.nio.file.Path.of(java.net.URI.create(url.toString())))) {
                files.forEach(f -> assertThat(registered).as(dir + "/" + f.getFileName() + " has no EventType")
                        .contains(f.getFileName().toString()));
            }
        }
    }

    @Test
    void the_schema_rejects_an_event_without_a_tenant_or_with_a_foreign_type() throws IOException {
        // GIVEN a valid sample, WHEN the tenant is dropped or the type changed, THEN validation fails
        ObjectNode noTenant = (ObjectNode) sample(EventType.DOCUMENT_CLEAN).deepCopy();
        ((ObjectNode) noTenant.get("data")).remove("tenantId");
        assertThat(schema(EventType.DOCUMENT_CLEAN).validate(noTenant)).isNotEmpty();

        ObjectNode otherType = (ObjectNode) sample(EventType.DOCUMENT_CLEAN).deepCopy();
        otherType.put("type", "io.edgemesh.document.indexed.v1");
        assertThat(schema(EventType.DOCUMENT_CLEAN).validate(otherType)).isNotEmpty();

        ObjectNode badTime = (ObjectNode) sample(EventType.DOCUMENT_CLEAN).deepCopy();
        badTime.put("time", "yesterday");
        assertThat(schema(EventType.DOCUMENT_CLEAN).validate(badTime)).isNotEmpty();
    }
}
