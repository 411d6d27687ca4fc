package io.edgemesh.backbone.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.backbone.McpHandler;
import io.edgemesh.backbone.documents.DocumentStore;
import io.edgemesh.backbone.support.Backbone;
import io.edgemesh.backbone.support.Invoker;
import io.edgemesh.backbone.support.RecordingAuditPublisher;
import io.edgemesh.backbone.support.TestIds;
import io.edgemesh.backbone.tenants.NewTenant;
import io.edgemesh.backbone.tenants.Tenant;
import io.edgemesh.backbone.tenants.TenantStore;
import io.edgemesh.backbone.uploads.PresignedUpload;
import io.edgemesh.backbone.uploads.UploadRequest;
import io.edgemesh.backbone.uploads.UploadService;
import io.edgemesh.common.Json;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MCP handler driven by the official MCP Java SDK client (0.10.0) through signed invocations,
 * on the embedded DynamoDB. Layer 4 search is a stand-in that records which tenant asked.
 */
class McpServerIT {
    private final List<String> searchedTenants = new CopyOnWriteArrayList<>();
    private McpHandler handler;
    private Tenant tenant;
    private String documentId;
    private McpSyncClient client;
    private EnvelopeClientTransport transport;

    @BeforeEach
    void setUp() {
        KnowledgeSearch search = (tenantId, query, limit, traceparent) -> {
            searchedTenants.add(tenantId);
            if (query.contains("nothing")) return List.of();
            return List.of(new KnowledgeSearch.Passage("doc_AAAAAAAAAAAAAAAAAAAA", "guide.pdf", 2,
                    "Returns are accepted within 30 days.", 0.9)).subList(0, Math.min(limit, 1));
        };
        handler = new McpHandler(Invoker.env(), search);
        var cfg = Backbone.config();
        TenantStore tenants = new TenantStore(Backbone.aws().dynamoDb(), cfg.table("tenants"));
        tenant = tenants.create(new NewTenant(TestIds.tenant("mcp"), "MCP", List.of("https://mcp.example"))).tenant();
        DocumentStore store = new DocumentStore(Backbone.aws().dynamoDb(), cfg.table("documents"), cfg.table("scans"));
        PresignedUpload p = new UploadService(store, Backbone.aws().s3Presigner(), cfg.bucket("uploads"), new RecordingAuditPublisher(),
                Clock.systemUTC()).create(tenant, new UploadRequest("guide.pdf", "application/pdf", 100), "k1", "r1");
        documentId = p.documentId();
        transport = new EnvelopeClientTransport(handler, tenant.id());
        client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build();
    }

    @AfterEach
    void close() {
        client.closeGracefully();
    }

    @Test
    void theOfficialClientInitialisesAndListsBothTools() {
        McpSchema.InitializeResult init = client.initialize();

        assertThat(init.serverInfo().name()).isEqualTo("edgemesh");
        assertThat(init.protocolVersion()).isEqualTo(McpSchema.LATEST_PROTOCOL_VERSION);
        assertThat(init.capabilities().tools()).isNotNull();
        assertThat(transport.statuses).contains(202); // notifications/initialized is accepted without a body

        List<McpSchema.Tool> tools = client.listTools().tools();
        assertThat(tools).extracting(McpSchema.Tool::name).containsExactly("search_knowledge", "get_document");
        assertThat(tools.get(0).inputSchema().required()).containsExactly("query");
    }

    @Test
    void searchKnowledgeAnswersWithCitedPassagesForTheCallersTenantOnly() {
        client.initialize();

        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("search_knowledge", Map.of("query", "returns policy", "limit", 3)));

        assertThat(r.isError()).isFalse();
        assertThat(((McpSchema.TextContent) r.content().get(0)).text()).contains("guide.pdf, page 2").contains("30 days");
        assertThat(searchedTenants).containsOnly(tenant.id());
        McpSchema.CallToolResult none = client.callTool(new McpSchema.CallToolRequest("search_knowledge", Map.of("query", "nothing here")));
        assertThat(((McpSchema.TextContent) none.content().get(0)).text()).startsWith("No passages");
    }

    @Test
    void getDocumentShowsTheTenantsDocumentAndNotAnotherTenants() {
        client.initialize();

        McpSchema.CallToolResult mine = client.callTool(new McpSchema.CallToolRequest("get_document", Map.of("documentId", documentId)));
        assertThat(mine.isError()).isFalse();
        assertThat(((McpSchema.TextContent) mine.content().get(0)).text()).contains("\"status\":\"awaiting_upload\"").contains("guide.pdf");

        String otherTenant = new TenantStore(Backbone.aws().dynamoDb(), Backbone.config().table("tenants"))
                .create(new NewTenant(TestIds.tenant("mcp-other"), "Other", List.of("https://o.example"))).tenant().id();
        try (McpSyncClient other = McpClient.sync(new EnvelopeClientTransport(handler, otherTenant)).requestTimeout(Duration.ofSeconds(20)).build()) {
            other.initialize();
            McpSchema.CallToolResult theirs = other.callTool(new McpSchema.CallToolRequest("get_document", Map.of("documentId", documentId)));
            assertThat(theirs.isError()).isTrue();
            assertThat(((McpSchema.TextContent) theirs.content().get(0)).text()).contains("no document");
        }
    }

    @Test
    void badArgumentsAreToolErrorsTheModelCanRead() {
        client.initialize();

        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("search_knowledge", Map.of("q", "typo")));

        assertThat(r.isError()).isTrue();
        assertThat(((McpSchema.TextContent) r.content().get(0)).text()).contains("unknown argument 'q'");
    }

    @Test
    void protocolErrorsAreJsonRpcErrors() {
        Invoker invoker = new Invoker();
        JsonNode unknown = call(invoker, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"resources/list\"}").body();
        assertThat(unknown.path("id").asInt()).isEqualTo(7);
        assertThat(unknown.path("error").path("code").asInt()).isEqualTo(-32601);
        assertThat(call(invoker, "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}").body().path("error").path("code").asInt()).isEqualTo(-32600);
        assertThat(call(invoker, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"rm_rf\"}}").body()
                .path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(call(invoker, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\"}").status()).isEqualTo(202);
        JsonNode batch = call(invoker, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"method\":\"x\"}]").body();
        assertThat(batch.isArray()).isTrue();
        assertThat(batch).hasSize(1);
    }

    @Test
    void theAgentCardIsPublic() {
        Invoker.Result r = new Invoker().call(handler, "a2a.card", tenant.id(), new io.edgemesh.common.invoke.HttpForward("GET",
                "/.well-known/agent.json", Map.of(), Map.of(), null, new io.edgemesh.common.invoke.HttpForward.Principal("anonymous", null, null, null), "1.2.3.4"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("skills")).extracting(s -> s.path("id").asText()).containsExactly("search_knowledge", "get_document");
    }

    private Invoker.Result call(Invoker invoker, String json) {
        return invoker.call(handler, "mcp", tenant.id(), Invoker.tenant(tenant.id(), "k1", "POST", "/mcp", Map.of(), Map.of(), Json.parse(json)));
    }
}
