package io.edgemesh.backbone.internal;

import io.edgemesh.backbone.admin.AdminRequests;
import io.edgemesh.backbone.admin.TenantView;
import io.edgemesh.backbone.audit.AuditChain;
import io.edgemesh.backbone.audit.AuditRecord;
import io.edgemesh.backbone.documents.internal.DocumentItems;
import io.edgemesh.backbone.mcp.McpServer;
import io.edgemesh.backbone.tenants.ApiKeys;
import io.edgemesh.backbone.tenants.ScanPolicy;
import io.edgemesh.backbone.tenants.Tenant;
import io.edgemesh.backbone.tenants.TenantLimits;
import io.edgemesh.backbone.tenants.TenantStatus;
import io.edgemesh.backbone.tenants.TrustLevel;
import io.edgemesh.backbone.uploads.FileNames;
import io.edgemesh.common.Json;
import io.edgemesh.common.crac.Priming;
import io.edgemesh.events.AuditEvent;
import io.edgemesh.events.EdgeMeshEvents;
import io.edgemesh.events.EventSources;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SnapStart priming for the backbone's handlers: runs each request path's pure code once (parsing,
 * validation, item mapping, hashing, JSON answers) so its classes and Jackson serialisers are in the
 * snapshot. Nothing here touches the network or writes anything.
 */
public final class Warmup {
    private Warmup() { }

    private static final Tenant SAMPLE = new Tenant("priming", "Priming", List.of("https://priming.example"),
            "pk_priming_" + "A".repeat(24), TenantStatus.PENDING_DOCUMENTS, TenantLimits.defaults(), TrustLevel.AUTHENTICATED,
            ScanPolicy.defaults(), Instant.EPOCH, Instant.EPOCH, 1);

    public static void admin() {
        Priming.warmCommon();
        AdminRequests.create(Json.parse("{\"id\":\"priming\",\"name\":\"P\",\"allowedOrigins\":[\"https://priming.example\"]}"));
        AdminRequests.patch(Json.parse("{\"limits\":{\"maxDocuments\":5},\"scanPolicy\":{\"actions\":{\"uri_link\":\"review\"}}}"));
        ApiJson.tree(TenantView.of(SAMPLE, List.of()));
        ApiKeys.matches(ApiKeys.newSecret("priming").plaintext(), "0".repeat(64));
        audit();
    }

    public static void uploads() {
        Priming.warmCommon();
        FileNames.sanitise("../priming report.pdf");
        Map<String, AttributeValue> item = Map.of("tenantId", AttributeValue.fromS("priming"),
                "documentId", AttributeValue.fromS("doc_AAAAAAAAAAAAAAAAAAAA"), "status", AttributeValue.fromS("scanning"),
                "createdAt", AttributeValue.fromS(Instant.EPOCH.toString()));
        ApiJson.tree(DocumentItems.document(item));
        EdgeMeshEvents.encode(new io.edgemesh.events.DocumentDeleted("priming", "doc_AAAAAAAAAAAAAAAAAAAA", "priming"),
                EventSources.BACKBONE, "priming");
    }

    public static void audit() {
        AuditEvent e = new AuditEvent("priming", "priming", "tenant.updated", "admin", null, "succeeded", Instant.EPOCH, Map.of("n", 1));
        AuditRecord r = AuditChain.seal(e, 0, AuditChain.GENESIS);
        AuditChain.verify("priming", 1, List.of(java.util.Optional.of(AuditChain.toJson(r))), AuditChain.GENESIS, 1, r.hash());
        EdgeMeshEvents.parse(EdgeMeshEvents.toJson(e, EventSources.BACKBONE), AuditEvent.class);
    }

    public static void mcp(McpServer server) {
        Priming.warmCommon();
        server.handle("priming", Json.parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}"), null);
        server.handle("priming", Json.parse("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}"), null);
    }
}
