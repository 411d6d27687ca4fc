package io.edgemesh.widget.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import io.edgemesh.common.invoke.InvocationResult;
import io.edgemesh.common.invoke.LayerClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An in-test {@link LayerClient}: answers per {@code function/operation} and records each call with
 * its body as JSON (serialised as the real client would, so tests see what would go on the wire).
 */
public final class RecordingLayers implements LayerClient {

    public record Call(String function, String operation, String tenantId, JsonNode body, String traceparent) { }

    private final Map<String, Function<JsonNode, InvocationResult>> answers = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    public RecordingLayers answer(String function, String operation, Function<JsonNode, InvocationResult> answer) {
        answers.put(function + "/" + operation, answer);
        return this;
    }

    public RecordingLayers answer(String function, String operation, int status, String json) {
        return answer(function, operation, body -> result(status, json));
    }

    public static InvocationResult result(int status, String json) {
        return new InvocationResult(status, Json.parse(json), Map.of());
    }

    @Override
    public InvocationResult invoke(String function, String operation, String tenantId, Object body, String traceparent) {
        JsonNode node = Json.parse(Json.writeBytes(body));
        calls.add(new Call(function, operation, tenantId, node, traceparent));
        Function<JsonNode, InvocationResult> a = answers.get(function + "/" + operation);
        if (a == null) throw new AssertionError("unexpected call " + function + "/" + operation);
        return a.apply(node);
    }

    public List<Call> calls() { return List.copyOf(calls); }

    public List<Call> calls(String function) { return calls.stream().filter(c -> c.function().equals(function)).toList(); }
}
