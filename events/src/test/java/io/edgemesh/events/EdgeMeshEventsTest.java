package io.edgemesh.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgemesh.events.internal.EventJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EdgeMeshEventsTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_type_round_trips_through_cloudevents_json(EventType type) throws Exception {
        // GIVEN a valid record of the type
        EdgeMeshEvent event = SampleEvents.of(type);
        // WHEN it is written and read back
        String json = EdgeMeshEvents.toJson(event);
        ReceivedEvent<EdgeMeshEvent> back = EdgeMeshEvents.read(json);
        // THEN the record and the CloudEvents attributes survive
        assertThat(back.data()).isEqualTo(event);
        assertThat(back.type()).isEqualTo(type);
        JsonNode n = EventJson.MAPPER.readTree(json);
        assertThat(n.get("specversion").asText()).isEqualTo("1.0");
        assertThat(n.get("type").asText()).isEqualTo(type.type()).matches("io\\.edgemesh\\.[a-z.]+\\.v1");
        assertThat(n.get("source").asText()).isEqualTo(type.defaultSource());
        assertThat(n.get("subject").asText()).isEqualTo(event.subject()).startsWith("acme");
        assertThat(n.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(n.get("data").isObject()).as("data is embedded JSON, not base64").isTrue();
        assertThat(n.get("id").asText()).isNotBlank();
        assertThat(n.has("time")).isTrue();
    }

    @Test
    void document_events_have_tenant_slash_document_subject_and_tenant_events_only_the_tenant() {
        assertThat(SampleEvents.of(EventType.DOCUMENT_CLEAN).subject()).isEqualTo("acme/doc-1");
        assertThat(SampleEvents.of(EventType.TENANT_READY).subject()).isEqualTo("acme");
    }

    @Test
    void encode_gives_fifo_ids_from_the_tenant_and_the_event_id() {
        OutgoingEvent out = EdgeMeshEvents.encode(SampleEvents.of(EventType.DOCUMENT_CLEAN), EventSources.ANALYSIS, "clean-doc-1");
        assertThat(out.messageGroupId()).isEqualTo("acme");
        assertThat(out.deduplicationId()).isEqualTo("clean-doc-1");
        assertThat(EdgeMeshEvents.read(out.body()).id()).isEqualTo("clean-doc-1");
        assertThat(EdgeMeshEvents.read(out.body()).source()).isEqualTo("/edgemesh/analysis");
    }

    @Test
    void two_events_get_different_ids() {
        EdgeMeshEvent e = SampleEvents.of(EventType.TENANT_READY);
        assertThat(EdgeMeshEvents.read(EdgeMeshEvents.toJson(e)).id()).isNotEqualTo(EdgeMeshEvents.read(EdgeMeshEvents.toJson(e)).id());
    }

    @Test
    void parse_with_expected_class_rejects_another_type() {
        String json = EdgeMeshEvents.toJson(SampleEvents.of(EventType.DOCUMENT_DELETED));
        assertThat(EdgeMeshEvents.parse(json, DocumentDeleted.class).documentId()).isEqualTo("doc-1");
        assertThatThrownBy(() -> EdgeMeshEvents.parse(json, DocumentClean.class))
                .isInstanceOfSatisfying(InvalidEventException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidEventException.Reason.UNKNOWN_TYPE));
    }

    @Test
    void unknown_type_is_rejected() throws Exception {
        ObjectNode n = sample(EventType.DOCUMENT_CLEAN);
        n.put("type", "io.edgemesh.document.clean.v9");
        assertReason(n.toString(), InvalidEventException.Reason.UNKNOWN_TYPE);
    }

    @Test
    void garbage_empty_and_non_cloudevents_bodies_are_malformed() {
        for (String body : List.of("", "not json", "{}", "[]", "null", "{\"specversion\":\"1.0\"}",
                "{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"t\"}")) {
            assertThatThrownBy(() -> EdgeMeshEvents.parse(body)).as(body)
                    .isInstanceOfSatisfying(InvalidEventException.class,
                            e -> assertThat(e.reason()).isIn(InvalidEventException.Reason.MALFORMED,
                                    InvalidEventException.Reason.UNKNOWN_TYPE));
        }
    }

    @Test
    void duplicate_keys_and_trailing_content_are_malformed() throws Exception {
        String json = sample(EventType.DOCUMENT_DELETED).toString();
        String dup = json.replaceFirst("\\{", "{\"type\":\"io.edgemesh.tenant.ready.v1\",");
        assertReason(dup, InvalidEventException.Reason.MALFORMED);
        assertReason(json + "{}", InvalidEventException.Reason.MALFORMED);
    }

    @Test
    void missing_or_invalid_data_is_invalid_data() throws Exception {
        ObjectNode noData = sample(EventType.DOCUMENT_CLEAN);
        noData.remove("data");
        assertReason(noData.toString(), InvalidEventException.Reason.INVALID_DATA);

        ObjectNode badTenant = sample(EventType.DOCUMENT_CLEAN);
        ((ObjectNode) badTenant.get("data")).put("tenantId", "../other");
        assertReason(badTenant.toString(), InvalidEventException.Reason.INVALID_DATA);

        ObjectNode missingKey = sample(EventType.DOCUMENT_CLEAN);
        ((ObjectNode) missingKey.get("data")).remove("key");
        assertReason(missingKey.toString(), InvalidEventException.Reason.INVALID_DATA);

        ObjectNode wrongKind = sample(EventType.DOCUMENT_CLEAN);
        ((ObjectNode) wrongKind.get("data")).put("sizeBytes", "big");
        assertReason(wrongKind.toString(), InvalidEventException.Reason.INVALID_DATA);

        ObjectNode xml = sample(EventType.DOCUMENT_CLEAN);
        xml.put("datacontenttype", "application/xml");
        // the SDK itself refuses a JSON object as non-JSON data, so either reason is a rejection
        assertThatThrownBy(() -> EdgeMeshEvents.parse(xml.toString())).isInstanceOf(InvalidEventException.class);
        ObjectNode xmlText = sample(EventType.DOCUMENT_CLEAN);
        xmlText.put("datacontenttype", "application/xml");
        xmlText.put("data", "<doc/>");
        assertReason(xmlText.toString(), InvalidEventException.Reason.INVALID_DATA);
    }

    @Test
    void subject_naming_another_tenant_than_the_data_is_rejected() throws Exception {
        ObjectNode n = sample(EventType.DOCUMENT_CLEAN);
        n.put("subject", "globex/doc-1");
        assertReason(n.toString(), InvalidEventException.Reason.SUBJECT_MISMATCH);
    }

    @Test
    void unknown_data_fields_are_ignored_so_additive_changes_stay_readable() throws Exception {
        ObjectNode n = sample(EventType.DOCUMENT_CLEAN);
        ((ObjectNode) n.get("data")).put("pages", 12);
        n.put("edgemeshext", "x"); // a CloudEvents extension attribute
        assertThat(EdgeMeshEvents.parse(n.toString())).isEqualTo(SampleEvents.of(EventType.DOCUMENT_CLEAN));
    }

    @Test
    void records_refuse_ids_that_would_escape_a_key_prefix() {
        assertThatThrownBy(() -> new DocumentDeleted("acme/x", "doc", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DocumentDeleted("acme", "a/b", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DocumentDeleted("acme#1", "doc", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DocumentDeleted("", "doc", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TenantPending("acme", "line\nbreak")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void object_keys_must_sit_under_the_events_own_tenant_prefix() {
        // GIVEN a clean event for tenant acme WHEN its key names another tenant or climbs out THEN it cannot exist
        for (String key : List.of("tenants/globex/incoming/doc-1", "tenants/acme/../globex/incoming/doc-1",
                "tenants/acme/", "tenants/acme//x", "other/acme/doc-1", "tenants/acmecorp/incoming/doc-1")) {
            assertThatThrownBy(() -> new DocumentClean("acme", "doc-1", "b", key, null, null, 1, null)).as(key)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new DocumentClean("acme", "doc-1", "b", "tenants/acme/incoming/doc-1", null, null, 1, null).key())
                .isEqualTo("tenants/acme/incoming/doc-1");
    }

    @Test
    void a_source_outside_edgemesh_is_refused_when_writing() {
        assertThatThrownBy(() -> EdgeMeshEvents.toJson(SampleEvents.of(EventType.TENANT_READY), "https://evil"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ObjectNode sample(EventType type) throws Exception {
        return (ObjectNode) EventJson.MAPPER.readTree(EdgeMeshEvents.toJson(SampleEvents.of(type)));
    }

    private static void assertReason(String json, InvalidEventException.Reason reason) {
        assertThatThrownBy(() -> EdgeMeshEvents.parse(json))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
