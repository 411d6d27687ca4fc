package io.edgemesh.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgemesh.common.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Any server that speaks OpenAI's chat-completions wire format: OpenAI itself, Ollama, vLLM,
 * llama.cpp's server. Streaming (server-sent events) is used when configured, so a slow model that
 * is still producing tokens is told apart from one that never answers; the overall deadline bounds
 * both. Uses the JDK HTTP client: no extra dependency in the Lambda package.
 */
public final class OpenAiCompatibleProvider implements Provider {

    private final String id;
    private final URI chatCompletions;
    private final String apiKey;
    private final boolean stream;
    private final boolean local;
    private final HttpClient http;

    /**
     * @param id      provider id in policies (usually {@code openai})
     * @param baseUrl e.g. {@code https://api.openai.com/v1} or {@code http://127.0.0.1:11434/v1}
     * @param apiKey  bearer key, or null for servers without auth
     * @param stream  use SSE streaming
     * @param local   true when the server runs inside the deployment's own network
     */
    public OpenAiCompatibleProvider(String id, String baseUrl, String apiKey, boolean stream, boolean local) {
        this.id = id;
        this.chatCompletions = URI.create(baseUrl.replaceAll("/+$", "") + "/chat/completions");
        this.apiKey = apiKey;
        this.stream = stream;
        this.local = local;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public String id() { return id; }

    @Override
    public boolean local() { return local; }

    @Override
    public Completion complete(CompletionRequest request, Duration timeout) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", request.model());
        body.put("temperature", 0.1);
        body.put("max_tokens", request.maxOutputTokens());
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", Prompts.SYSTEM);
        messages.addObject().put("role", "user").put("content", Prompts.user(request));
        if (stream) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        HttpRequest.Builder rb = HttpRequest.newBuilder(chatCompletions)
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("accept", stream ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.writeBytes(body)));
        if (apiKey != null && !apiKey.isBlank()) rb.header("authorization", "Bearer " + apiKey);

        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            HttpResponse<InputStream> resp = http.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = resp.statusCode();
            if (status != 200) {
                String err;
                try (InputStream in = resp.body()) {
                    err = new String(in.readNBytes(2048), StandardCharsets.UTF_8);
                }
                boolean retryable = status == 408 || status == 429 || status >= 500;
                throw new ProviderException(id + " answered " + status + ": " + summarize(err), retryable, status);
            }
            try (InputStream in = resp.body()) {
                return stream ? readStream(in, request, deadline) : readWhole(in, request);
            }
        } catch (HttpTimeoutException e) {
            throw new ProviderException(id + " timed out after " + timeout.toMillis() + " ms", true, 0, e);
        } catch (IOException e) {
            throw new ProviderException(id + " transport failure: " + e.getMessage(), true, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(id + " interrupted", true, 0, e);
        }
    }

    private Completion readWhole(InputStream in, CompletionRequest request) throws IOException {
        JsonNode root = Json.MAPPER.readTree(in);
        JsonNode choice = root.path("choices").path(0);
        if (choice.isMissingNode()) throw new ProviderException(id + " returned no choices", true, 200);
        String text = choice.path("message").path("content").asText("");
        return completion(text, root.path("usage"), request);
    }

    private Completion readStream(InputStream in, CompletionRequest request, long deadlineNanos) throws IOException {
        StringBuilder text = new StringBuilder();
        JsonNode usage = null;
        boolean done = false;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (System.nanoTime() > deadlineNanos) {
                throw new ProviderException(id + " stream exceeded its deadline", true, 0);
            }
            if (!line.startsWith("data:")) continue;
            String data = line.substring(5).trim();
            if (data.equals("[DONE]")) {
                done = true;
                break;
            }
            JsonNode chunk = Json.MAPPER.readTree(data);
            if (chunk.has("error")) {
                throw new ProviderException(id + " stream error: " + chunk.path("error").path("message").asText(), true, 200);
            }
            JsonNode delta = chunk.path("choices").path(0).path("delta").path("content");
            if (delta.isTextual()) text.append(delta.asText());
            if (chunk.hasNonNull("usage")) usage = chunk.get("usage");
        }
        if (!done) throw new ProviderException(id + " stream ended without [DONE]", true, 200);
        return completion(text.toString(), usage, request);
    }

    private static Completion completion(String text, JsonNode usage, CompletionRequest request) {
        boolean counted = usage != null && usage.has("prompt_tokens") && usage.has("completion_tokens");
        int in = counted ? usage.get("prompt_tokens").asInt()
                : Tokens.estimate(Prompts.SYSTEM) + Tokens.estimate(Prompts.user(request));
        int out = counted ? usage.get("completion_tokens").asInt() : Tokens.estimate(text);
        return new Completion(text.strip(), Prompts.citedRefs(text, request.passages()), in, out, !counted);
    }

    private static String summarize(String body) {
        try {
            JsonNode n = Json.MAPPER.readTree(body);
            if (n.path("error").path("message").isTextual()) return n.path("error").path("message").asText();
        } catch (IOException ignored) {
            // not JSON: fall through to the raw text
        }
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
