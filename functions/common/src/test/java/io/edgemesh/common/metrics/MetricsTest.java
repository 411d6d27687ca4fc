package io.edgemesh.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.LogContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Checks the line against the EMF specification's required structure. */
class MetricsTest {

    @Test
    void emf_line_has_namespace_function_and_tenant_dimensions_and_declared_metrics() {
        // GIVEN counts and a duration for one tenant
        Metrics m = Metrics.begin("indexer", "acme").count("DocumentsIndexed").count("ChunksIndexed", 31).millis("EmbeddingTime", 180);
        // WHEN rendered
        JsonNode n = Json.parse(m.toEmf(1_763_806_531_000L));
        // THEN the _aws metadata follows the EMF spec
        JsonNode aws = n.get("_aws");
        assertThat(aws.get("Timestamp").asLong()).isEqualTo(1_763_806_531_000L);
        JsonNode directive = aws.get("CloudWatchMetrics").get(0);
        assertThat(aws.get("CloudWatchMetrics")).hasSize(1);
        assertThat(directive.get("Namespace").asText()).isEqualTo("EdgeMesh");
        assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"Function\",\"TenantId\"]]");
        assertThat(directive.get("Metrics").toString()).isEqualTo(
                "[{\"Name\":\"DocumentsIndexed\",\"Unit\":\"Count\"},{\"Name\":\"ChunksIndexed\",\"Unit\":\"Count\"},"
                        + "{\"Name\":\"EmbeddingTime\",\"Unit\":\"Milliseconds\"}]");
        // AND every dimension and metric named in the directive is a root member
        assertThat(n.get("Function").asText()).isEqualTo("indexer");
        assertThat(n.get("TenantId").asText()).isEqualTo("acme");
        assertThat(n.get("DocumentsIndexed").asLong()).isEqualTo(1);
        assertThat(n.get("ChunksIndexed").asLong()).isEqualTo(31);
        assertThat(n.get("EmbeddingTime").asLong()).isEqualTo(180);
    }

    @Test
    void repeated_values_become_an_array_and_request_ids_are_properties() {
        try (var scope = LogContext.with("acme", "req-9", "4bf92f3577b34da6a3ce929d0e0e4736")) {
            JsonNode n = Json.parse(Metrics.fromContext().millis("Latency", 5).millis("Latency", 7).toEmf(0));
            assertThat(n.get("Latency").toString()).isEqualTo("[5,7]");
            assertThat(n.get("requestId").asText()).isEqualTo("req-9");
            assertThat(n.get("TenantId").asText()).isEqualTo("acme");
        }
    }

    @Test
    void unknown_tenant_still_has_a_dimension_value() {
        JsonNode n = Json.parse(Metrics.begin("scan-type", null).count("PoisonMessages").toEmf(0));
        assertThat(n.get("TenantId").asText()).isEqualTo(Metrics.UNKNOWN_TENANT);
    }

    @Test
    void flush_writes_one_line_and_nothing_when_empty() {
        List<String> lines = new ArrayList<>();
        Consumer<String> previous = Log.setOutput(lines::add);
        try {
            Metrics m = Metrics.begin("search", "acme");
            m.flush();
            assertThat(lines).isEmpty();
            m.count("Searches").flush();
            m.flush();
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).startsWith("{\"_aws\"").doesNotContain("\n");
        } finally {
            Log.setOutput(previous);
        }
    }

    @Test
    void bad_names_and_unit_changes_are_programming_errors() {
        assertThatThrownBy(() -> Metrics.begin("f", "t").count("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metrics.begin("f", "t").count("X").millis("X", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Json.parse(Metrics.begin("f", "t").put("N", Metrics.Unit.NONE, Double.NaN).count("C").toEmf(0)).has("N")).isFalse();
    }
}
