package io.edgemesh.widget;

import static io.edgemesh.widget.support.Fixtures.event;
import static io.edgemesh.widget.support.Fixtures.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import io.edgemesh.common.log.Log;
import io.edgemesh.widget.support.TestIngress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every request leaves one log line and one EMF metrics line, both naming the tenant once it is known. */
class IngressObservabilityTest {

    private final TestIngress t = new TestIngress();
    private final IngressHandler handler = new IngressHandler(t.ingress());
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Consumer<String> previous;

    @BeforeEach
    void capture() { previous = Log.setOutput(lines::add); }

    @AfterEach
    void restore() { Log.setOutput(previous); }

    private List<JsonNode> parsed() { return lines.stream().map(Json::parse).toList(); }

    @Test
    void refusedChatIsLoggedAndCountedForItsTenant() {
        // GIVEN the shop's key used from an origin it did not allow
        handler.handleRequest(header(event("chat-first-message"), "origin", "https://evil.example"), null);
        // THEN the request line names the tenant, the route, the status and the refusal code
        JsonNode request = parsed().stream().filter(l -> "request".equals(l.path("message").asText())).findFirst().orElseThrow();
        assertThat(request.get("tenantId").asText()).isEqualTo("shop");
        assertThat(request.get("requestId").asText()).isEqualTo("req-0001");
        assertThat(request.get("route").asText()).isEqualTo("POST /v1/chat");
        assertThat(request.get("status").asInt()).isEqualTo(403);
        assertThat(request.get("code").asText()).isEqualTo("origin_not_allowed");
        // AND the metrics line carries the tenant dimension and counts the refusal by code
        JsonNode emf = parsed().stream().filter(l -> l.has("_aws")).findFirst().orElseThrow();
        assertThat(emf.get("TenantId").asText()).isEqualTo("shop");
        assertThat(emf.has("Refused.origin_not_allowed")).isTrue();
        // AND nothing of the visitor's message is logged
        assertThat(String.join("\n", lines)).doesNotContain("opening hours");
    }

    @Test
    void requestsWithoutATenantAreCountedAsUnknown() {
        handler.handleRequest(event("unknown-path"), null);
        JsonNode emf = parsed().stream().filter(l -> l.has("_aws")).findFirst().orElseThrow();
        assertThat(emf.get("TenantId").asText()).isEqualTo("unknown");
        assertThat(emf.has("Refused.not_found")).isTrue();
    }
}
