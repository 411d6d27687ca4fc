package io.edgemesh.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.edgemesh.common.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider against a local server speaking OpenAI's chat-completions wire format (JSON and
 * server-sent events), including its error shapes and a server that is too slow.
 */
class OpenAiCompatibleProviderTest {

    private HttpServer server;
    private final AtomicReference<JsonNode> lastRequest = new AtomicReference<>();
    private final AtomicReference<String> lastAuth = new AtomicReference<>();
    private volatile Handler behaviour;

    interface Handler {
        void handle(HttpExchange ex) throws IOException, InterruptedException;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            try (ex) {
                lastRequest.set(Json.MAPPER.readTree(ex.getRequestBody()));
                lastAuth.set(ex.getRequestHeaders().getFirst("authorization"));
                behaviour.handle(ex);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1"; }

    private static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("content-type", contentType);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    private static CompletionRequest request() {
        return new CompletionRequest("acme", "What is the return window?",
                List.of(new Passage(1, "doc_1", "returns.pdf", 2, "Returns within 30 days.", 0.9)), "en", "gpt-test", 200);
    }

    @Test
    void non_streaming_answer_is_parsed_with_usage_and_citations() {
        behaviour = ex -> send(ex, 200, "application/json", """
                {"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,
                 "message":{"role":"assistant","content":"You have 30 days [1]. See also [7]."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":120,"completion_tokens":9,"total_tokens":129}}""");
        var p = new OpenAiCompatibleProvider("openai", base(), "sk-test", false, false);
        Completion c = p.complete(request(), Duration.ofSeconds(2));
        assertThat(c.text()).isEqualTo("You have 30 days [1]. See also [7].");
        assertThat(c.citedRefs()).as("only markers naming a real passage count").containsExactly(1);
        assertThat(c.inputTokens()).isEqualTo(120);
        assertThat(c.outputTokens()).isEqualTo(9);
        assertThat(c.estimated()).isFalse();
        // the request is grounded: system rules plus fenced passages, the model the route chose, the key
        JsonNode req = lastRequest.get();
        assertThat(req.path("model").asText()).isEqualTo("gpt-test");
        assertThat(req.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(req.path("messages").get(1).path("content").asText()).contains("<passage n=\"1\"").contains("Returns within 30 days.");
        assertThat(lastAuth.get()).isEqualTo("Bearer sk-test");
    }

    @Test
    void streaming_answer_is_assembled_from_server_sent_events() {
        behaviour = ex -> {
            ex.getResponseHeaders().set("content-type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream os = ex.getResponseBody()) {
                for (String piece : List.of("You ", "have ", "30 days ", "[1]")) {
                    os.write(("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece + "\"}}]}\n\n").getBytes());
                    os.flush();
                }
                os.write("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":6}}\n\n".getBytes());
                os.write("data: [DONE]\n\n".getBytes());
            }
        };
        var p = new OpenAiCompatibleProvider("openai", base(), null, true, true);
        Completion c = p.complete(request(), Duration.ofSeconds(2));
        assertThat(c.text()).isEqualTo("You have 30 days [1]");
        assertThat(c.outputTokens()).isEqualTo(6);
        assertThat(lastRequest.get().path("stream").asBoolean()).isTrue();
        assertThat(lastAuth.get()).isNull();
    }

    @Test
    void server_errors_are_retryable_and_client_errors_are_not() {
        behaviour = ex -> send(ex, 503, "application/json", "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}");
        var p = new OpenAiCompatibleProvider("openai", base(), "k", false, false);
        assertThatThrownBy(() -> p.complete(request(), Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("overloaded");
                });
        behaviour = ex -> send(ex, 400, "application/json", "{\"error\":{\"message\":\"bad model\"}}");
        assertThatThrownBy(() -> p.complete(request(), Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isFalse());
        behaviour = ex -> send(ex, 429, "application/json", "{\"error\":{\"message\":\"rate limit\"}}");
        assertThatThrownBy(() -> p.complete(request(), Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void a_slow_server_times_out_as_a_retryable_failure() {
        behaviour = ex -> {
            Thread.sleep(1500);
            send(ex, 200, "application/json", "{\"choices\":[{\"message\":{\"content\":\"late\"}}]}");
        };
        var p = new OpenAiCompatibleProvider("openai", base(), "k", false, false);
        assertThatThrownBy(() -> p.complete(request(), Duration.ofMillis(300)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("timed out");
                });
    }

    @Test
    void a_stream_cut_before_done_is_a_failure_not_a_partial_answer() {
        behaviour = ex -> {
            ex.getResponseHeaders().set("content-type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream os = ex.getResponseBody()) {
                os.write("data: {\"choices\":[{\"delta\":{\"content\":\"You have\"}}]}\n\n".getBytes());
            }
        };
        var p = new OpenAiCompatibleProvider("openai", base(), "k", true, false);
        assertThatThrownBy(() -> p.complete(request(), Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.getMessage()).contains("without [DONE]"));
    }
}
