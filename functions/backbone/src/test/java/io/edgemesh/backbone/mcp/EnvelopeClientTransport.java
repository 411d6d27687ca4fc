package io.edgemesh.backbone.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgemesh.backbone.McpHandler;
import io.edgemesh.backbone.support.Invoker;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A client transport for the official MCP SDK client that does what the Layer 1 ingress does for
 * {@code POST /mcp}: each JSON-RPC message becomes a forwarded request in a signed invocation of the
 * MCP handler, and the response body (if any) goes back to the client session. SDK 0.10.0 ships only
 * the older HTTP+SSE client transport, which needs a long-lived event stream a Lambda cannot hold.
 */
final class EnvelopeClientTransport implements McpClientTransport {
    private final ObjectMapper mapper = new ObjectMapper();
    private final Invoker invoker = new Invoker();
    private final McpHandler handler;
    private final String tenantId;
    final List<Integer> statuses = new CopyOnWriteArrayList<>();
    private volatile Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> inbound;

    EnvelopeClientTransport(McpHandler handler, String tenantId) {
        this.handler = handler;
        this.tenantId = tenantId;
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        this.inbound = handler;
        return Mono.empty();
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.<Void>fromRunnable(() -> {
            JsonNode body = mapper.valueToTree(message);
            Invoker.Result r = invoker.call(handler, "mcp", tenantId,
                    Invoker.tenant(tenantId, "k1", "POST", "/mcp", Map.of(), Map.of(), body));
            statuses.add(r.status());
            if (r.status() == 202) return;
            if (r.status() != 200) throw new IllegalStateException("MCP POST answered " + r.status() + ": " + r.body());
            try {
                McpSchema.JSONRPCMessage reply = McpSchema.deserializeJsonRpcMessage(mapper, r.body().toString());
                inbound.apply(Mono.just(reply)).subscribe();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("unreadable MCP reply " + r.body(), e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> closeGracefully() { return Mono.empty(); }

    @Override
    public <T> T unmarshalFrom(Object data, TypeReference<T> typeRef) { return mapper.convertValue(data, typeRef); }
}
