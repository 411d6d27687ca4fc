package io.edgemesh.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoggerTest {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Consumer<String> previous;
    private final Logger log = Log.get(LoggerTest.class);

    @BeforeEach
    void capture() { previous = Log.setOutput(lines::add); }

    @AfterEach
    void restore() {
        Log.setOutput(previous);
        Log.setLevel(Level.INFO);
    }

    private JsonNode only() {
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).doesNotContain("\n");
        return Json.parse(lines.get(0));
    }

    @Test
    void a_line_is_one_json_object_with_context_ids_and_key_values() {
        // GIVEN a function scope and a request scope
        try (var fn = LogContext.withFunction("indexer");
             var scope = LogContext.with("acme", "req-1", "4bf92f3577b34da6a3ce929d0e0e4736")) {
            // WHEN a line is logged with extra key-values
            log.info("document indexed", "documentId", "doc-1", "chunks", 31, "ok", true);
        }
        // THEN one JSON object carries all of them
        JsonNode n = only();
        assertThat(Instant.parse(n.get("timestamp").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(n.get("level").asText()).isEqualTo("INFO");
        assertThat(n.get("logger").asText()).isEqualTo(LoggerTest.class.getName());
        assertThat(n.get("message").asText()).isEqualTo("document indexed");
        assertThat(n.get("function").asText()).isEqualTo("indexer");
        assertThat(n.get("tenantId").asText()).isEqualTo("acme");
        assertThat(n.get("requestId").asText()).isEqualTo("req-1");
        assertThat(n.get("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(n.get("documentId").asText()).isEqualTo("doc-1");
        assertThat(n.get("chunks").asInt()).isEqualTo(31);
        assertThat(n.get("ok").asBoolean()).isTrue();
    }

    @Test
    void scopes_nest_and_restore_so_ids_never_leak_into_the_next_request() {
        try (var outer = LogContext.with("acme", "req-1", null)) {
            try (var inner = LogContext.withTenant("globex")) {
                assertThat(LogContext.current().tenantId()).isEqualTo("globex");
                assertThat(LogContext.current().requestId()).isEqualTo("req-1");
            }
            assertThat(LogContext.current().tenantId()).isEqualTo("acme");
        }
        assertThat(LogContext.current().tenantId()).isNull();
        log.info("after");
        assertThat(only().has("tenantId")).isFalse();
    }

    @Test
    void hostile_values_are_escaped_and_cannot_forge_fields_or_lines() {
        log.info("user said \"hi\"\n{\"level\":\"ERROR\"}", "tenantId", "forged", "q", "a\"b\nc");
        JsonNode n = only();
        assertThat(n.get("message").asText()).contains("\n{\"level\"");
        assertThat(n.get("level").asText()).isEqualTo("INFO");
        assertThat(n.has("tenantId")).as("a key-value cannot overwrite a context field").isFalse();
        assertThat(n.get("kv.tenantId").asText()).isEqualTo("forged");
        assertThat(n.get("q").asText()).isEqualTo("a\"b\nc");
    }

    @Test
    void errors_carry_class_message_and_a_bounded_stack() {
        log.error("failed", new IllegalStateException("boom", new RuntimeException("root")));
        JsonNode n = only();
        assertThat(n.get("level").asText()).isEqualTo("ERROR");
        assertThat(n.get("error").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(n.get("errorMessage").asText()).isEqualTo("boom");
        assertThat(n.get("stack").asText()).contains("caused by java.lang.RuntimeException: root");
    }

    @Test
    void level_from_config_filters_lower_lines_and_objects_are_written_as_json() {
        Log.configure(FunctionConfig.of(Map.of(Log.ENV_LEVEL, "warn")));
        log.info("dropped");
        log.debug("dropped");
        log.warn("kept", "details", Map.of("a", List.of(1, 2)));
        JsonNode n = only();
        assertThat(n.at("/details/a/1").asInt()).isEqualTo(2);
    }

    @Test
    void trace_id_is_taken_from_a_valid_traceparent_only() {
        assertThat(LogContext.traceIdOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(LogContext.traceIdOf("garbage")).isNull();
        assertThat(LogContext.traceIdOf(null)).isNull();
        assertThat(LogContext.traceIdOf("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isNull();
    }
}
