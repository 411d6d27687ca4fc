package io.edgemesh.backbone;

import io.edgemesh.backbone.internal.Forwards;
import io.edgemesh.backbone.internal.Warmup;
import io.edgemesh.backbone.internal.Wiring;
import io.edgemesh.backbone.mcp.AgentCard;
import io.edgemesh.backbone.mcp.KnowledgeSearch;
import io.edgemesh.backbone.mcp.LayerKnowledgeSearch;
import io.edgemesh.backbone.mcp.McpReply;
import io.edgemesh.backbone.mcp.McpServer;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.common.crac.Priming;
import io.edgemesh.common.invoke.EnvelopeHandler;
import io.edgemesh.common.invoke.HttpForward;
import io.edgemesh.common.invoke.Invocation;
import io.edgemesh.common.invoke.LambdaLayerClient;
import io.edgemesh.common.invoke.Response;
import io.edgemesh.common.Json;
import java.util.Map;
import java.util.function.Function;

/**
 * Layer 7 MCP server: operation {@code mcp} ({@code POST /mcp} with a secret key: one JSON-RPC
 * message or a batch per request, answered in the response, 202 for notifications) and
 * {@code a2a.card} (the public agent card).
 */
public final class McpHandler extends EnvelopeHandler {
    public static final String FUNCTION = "mcp";
    static final String VERSION = "0.1.0";

    private final McpServer server;

    public McpHandler() {
        this(System.getenv());
    }

    public McpHandler(Map<String, String> env) {
        this(Wiring.config(env, FUNCTION), null);
    }

    /** With another Layer 4 search (tests that do not run the tiny-ml function). */
    public McpHandler(Map<String, String> env, KnowledgeSearch search) {
        this(Wiring.config(env, FUNCTION), c -> search);
    }

    private McpHandler(FunctionConfig config, Function<AwsClients, KnowledgeSearch> search) {
        this(config, AwsClients.from(config), search);
    }

    private McpHandler(FunctionConfig config, AwsClients aws, Function<AwsClients, KnowledgeSearch> search) {
        super(config, aws);
        Wiring w = new Wiring(config, aws);
        KnowledgeSearch s = search != null ? search.apply(aws) : new LayerKnowledgeSearch(LambdaLayerClient.create(config, aws));
        // the MCP function may read the documents table and invoke search, nothing else (EdgeMeshResources.MCP)
        this.server = new McpServer(s, w.documents(), VERSION);
        Priming.register(FUNCTION, () -> {
            Warmup.mcp(server);
            Json.write(AgentCard.card(VERSION));
            aws.dynamoDb();
        }, () -> { });
    }

    @Override
    protected Object handle(Invocation inv) {
        return switch (inv.operation()) {
            case "mcp" -> {
                HttpForward f = Forwards.read(inv, Forwards.SECRET_KEY);
                McpReply reply = server.handle(inv.tenantId(), f.body(), inv.traceparent());
                yield reply.accepted() ? Response.accepted(null) : reply.body();
            }
            case "a2a.card" -> Response.of(200, AgentCard.card(VERSION));
            default -> throw ApiException.notFound("unknown operation " + inv.operation());
        };
    }

}
