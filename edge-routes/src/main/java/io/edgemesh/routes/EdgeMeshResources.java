package io.edgemesh.routes;

import static io.edgemesh.routes.Attr.s;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The single definition of EdgeMesh's tables, queues, buckets, functions, notifications and routes.
 * The CDK app, the local edge and the tests all read these; nothing else declares a resource.
 * Names here are logical: a deployment turns them into physical names ({@link Names}).
 */
public final class EdgeMeshResources {

    private EdgeMeshResources() { }

    // ---- tables -------------------------------------------------------------------------------

    public static final TableDef TENANTS = new TableDef("tenants", s("tenantId"), s("sk"), null, List.of(),
            "tenant profile (sk=PROFILE) and its keys (sk=KEY#<keyId>, secret keys hashed)");
    public static final TableDef DOCUMENTS = new TableDef("documents", s("tenantId"), s("documentId"), null, List.of(),
            "one row per uploaded document: status, sizes, aggregated scanner verdicts");
    public static final TableDef SCANS = new TableDef("scans", s("tenantId"), s("scanId"), null, List.of(),
            "one row per (document, scanner) verdict, written once with a conditional put");
    public static final TableDef INDEX_VERSIONS = new TableDef("index-versions", s("tenantId"), null, null, List.of(),
            "the tenant's current index version, advanced by conditional writes");
    public static final TableDef SESSIONS = new TableDef("sessions", s("tenantId"), s("sessionId"), "expiresAt", List.of(),
            "chat sessions: recent turns, redacted transcript, trust level");
    public static final TableDef RATE_LIMITS = new TableDef("rate-limits", s("bucketKey"), null, "expiresAt", List.of(),
            "token buckets; bucketKey = <tenant>#<scope>#<subject>");
    public static final TableDef REPLAY_GUARD = new TableDef("replay-guard", s("nonceKey"), null, "expiresAt", List.of(),
            "seen envelope request ids; nonceKey = <tenant>#<requestId>");
    public static final TableDef USAGE = new TableDef("usage", s("tenantId"), s("period"), null, List.of(),
            "token and cost accounting per tenant and month (period = yyyy-MM)");
    public static final TableDef AUDIT_CHAIN = new TableDef("audit-chain", s("tenantId"), null, null, List.of(),
            "head of each tenant's hash-chained audit log: sequence and hash of the last record");
    public static final TableDef ESCALATIONS = new TableDef("escalations", s("tenantId"), s("escalationId"), null, List.of(),
            "hand-offs to a human recorded by the orchestrator");

    public static final List<TableDef> TABLES = List.of(TENANTS, DOCUMENTS, SCANS, INDEX_VERSIONS, SESSIONS,
            RATE_LIMITS, REPLAY_GUARD, USAGE, AUDIT_CHAIN, ESCALATIONS);

    // ---- queues -------------------------------------------------------------------------------

    /** Scanner queues: one per scanner, fed by the uploads bucket's object-created fan-out. */
    public static final QueueDef SCAN_TYPE = new QueueDef("scan-type", false, 360, 3, 345_600, "type and size scanner");
    public static final QueueDef SCAN_ACTIVE_CONTENT = new QueueDef("scan-active-content", false, 360, 3, 345_600, "PDF active content scanner");
    public static final QueueDef SCAN_SIGNATURES = new QueueDef("scan-signatures", false, 360, 3, 345_600, "EICAR, hash blocklist, clamd");
    public static final QueueDef SCAN_SECRETS = new QueueDef("scan-secrets", false, 360, 3, 345_600, "secrets and hidden instructions");
    public static final QueueDef INDEX_REQUESTS = new QueueDef("index-requests.fifo", true, 1800, 3, 345_600,
            "document-clean and document-deleted events; group = tenant");
    public static final QueueDef TENANT_EVENTS = new QueueDef("tenant-events.fifo", true, 180, 5, 345_600,
            "document-indexed and document-removed events for readiness; group = tenant");
    public static final QueueDef AUDIT_EVENTS = new QueueDef("audit-events.fifo", true, 360, 5, 1_209_600,
            "audit events chained per tenant; group = tenant");

    public static final List<QueueDef> SCANNER_QUEUES = List.of(SCAN_TYPE, SCAN_ACTIVE_CONTENT, SCAN_SIGNATURES, SCAN_SECRETS);
    public static final List<QueueDef> QUEUES = List.of(SCAN_TYPE, SCAN_ACTIVE_CONTENT, SCAN_SIGNATURES, SCAN_SECRETS,
            INDEX_REQUESTS, TENANT_EVENTS, AUDIT_EVENTS);

    // ---- buckets ------------------------------------------------------------------------------

    public static final BucketDef UPLOADS = new BucketDef("uploads",
            List.of("tenants/{tenant}/incoming/", "tenants/{tenant}/quarantine/"), false, "tenants/", 0,
            "uploaded documents; objects are tagged scan-status IN_PROGRESS/CLEAN/INFECTED/ERROR, quarantine moves them");
    public static final BucketDef INDEX = new BucketDef("index",
            List.of("tenants/{tenant}/index/{version}/"), false, null, 0, "per-tenant Lucene index versions");
    public static final BucketDef AUDIT = new BucketDef("audit",
            List.of("tenants/{tenant}/audit/"), true, null, 0, "hash-chained audit records, write once");

    public static final List<BucketDef> BUCKETS = List.of(UPLOADS, INDEX, AUDIT);

    /** Days after which quarantined objects expire (lifecycle on the uploads bucket's quarantine keys). */
    public static final int QUARANTINE_EXPIRY_DAYS = 30;

    // ---- notifications ------------------------------------------------------------------------

    public static final NotificationDef UPLOAD_FANOUT = new NotificationDef("uploads", "tenants/*/incoming/*",
            SCANNER_QUEUES.stream().map(QueueDef::name).toList());

    public static final List<NotificationDef> NOTIFICATIONS = List.of(UPLOAD_FANOUT);

    // ---- functions ----------------------------------------------------------------------------

    private static EventSourceDef from(QueueDef q, int batch, int window) {
        return new EventSourceDef(q.name(), batch, window, true);
    }

    public static final FunctionDef INGRESS = new FunctionDef("ingress", Layer.INGRESS, "widget-proxy",
            "io.edgemesh.widget.IngressHandler", 1024, 30, null, List.of(),
            List.of("tenants", "rate-limits", "replay-guard"), List.of(), List.of(),
            List.of("firewall", "orchestrator", "search", "uploads", "admin", "mcp"), true);
    public static final FunctionDef FIREWALL = new FunctionDef("firewall", Layer.FIREWALL, "functions/firewall",
            "io.edgemesh.firewall.FirewallHandler", 1536, 10, null, List.of(),
            List.of("replay-guard", "sessions"), List.of("audit-events.fifo"), List.of(), List.of(), false);
    public static final FunctionDef SCAN_TYPE_FN = scanner("scan-type", "io.edgemesh.analysis.TypeScanHandler", SCAN_TYPE);
    public static final FunctionDef SCAN_ACTIVE_CONTENT_FN = scanner("scan-active-content",
            "io.edgemesh.analysis.ActiveContentScanHandler", SCAN_ACTIVE_CONTENT);
    public static final FunctionDef SCAN_SIGNATURES_FN = scanner("scan-signatures",
            "io.edgemesh.analysis.SignatureScanHandler", SCAN_SIGNATURES);
    public static final FunctionDef SCAN_SECRETS_FN = scanner("scan-secrets",
            "io.edgemesh.analysis.SecretsScanHandler", SCAN_SECRETS);
    public static final FunctionDef INDEXER = new FunctionDef("indexer", Layer.TINY_ML, "functions/tiny-ml",
            "io.edgemesh.tinyml.IndexerHandler", 3008, 300, 10, List.of(from(INDEX_REQUESTS, 10, 0)),
            List.of("documents", "index-versions"), List.of("tenant-events.fifo", "audit-events.fifo"),
            List.of("uploads", "index"), List.of(), false);
    public static final FunctionDef SEARCH = new FunctionDef("search", Layer.TINY_ML, "functions/tiny-ml",
            "io.edgemesh.tinyml.SearchHandler", 2048, 10, null, List.of(),
            List.of("documents", "index-versions", "replay-guard"), List.of(), List.of("index"), List.of(), false);
    public static final FunctionDef GENERATE = new FunctionDef("generate", Layer.TINY_LLM, "functions/tiny-llm",
            "io.edgemesh.llm.GenerateHandler", 1024, 60, null, List.of(),
            List.of("usage", "tenants", "replay-guard"), List.of(), List.of(), List.of(), false);
    public static final FunctionDef ORCHESTRATOR = new FunctionDef("orchestrator", Layer.ORCHESTRATION, "functions/orchestrator",
            "io.edgemesh.orchestrator.OrchestratorHandler", 1024, 30, null, List.of(),
            List.of("tenants", "documents", "sessions", "escalations", "replay-guard"), List.of("audit-events.fifo"),
            List.of(), List.of("search", "generate"), false);
    public static final FunctionDef READINESS = new FunctionDef("readiness", Layer.ORCHESTRATION, "functions/orchestrator",
            "io.edgemesh.orchestrator.ReadinessHandler", 512, 30, null, List.of(from(TENANT_EVENTS, 10, 0)),
            List.of("tenants", "documents"), List.of("audit-events.fifo"), List.of(), List.of(), false);
    public static final FunctionDef UPLOADS_FN = new FunctionDef("uploads", Layer.BACKBONE, "functions/backbone",
            "io.edgemesh.backbone.UploadsHandler", 512, 10, null, List.of(),
            List.of("tenants", "documents", "scans", "replay-guard"), List.of("index-requests.fifo", "audit-events.fifo"),
            List.of("uploads"), List.of(), false);
    public static final FunctionDef ADMIN = new FunctionDef("admin", Layer.BACKBONE, "functions/backbone",
            "io.edgemesh.backbone.AdminHandler", 512, 10, null, List.of(),
            List.of("tenants", "replay-guard", "audit-chain"), List.of("audit-events.fifo"), List.of("audit"), List.of(), false);
    public static final FunctionDef AUDIT_FN = new FunctionDef("audit", Layer.BACKBONE, "functions/backbone",
            "io.edgemesh.backbone.AuditHandler", 512, 60, 5, List.of(from(AUDIT_EVENTS, 10, 1)),
            List.of("audit-chain"), List.of(), List.of("audit"), List.of(), false);
    public static final FunctionDef MCP = new FunctionDef("mcp", Layer.BACKBONE, "functions/backbone",
            "io.edgemesh.backbone.McpHandler", 1024, 30, null, List.of(),
            List.of("tenants", "documents", "replay-guard"), List.of(), List.of(), List.of("search"), false);

    private static FunctionDef scanner(String name, String handler, QueueDef queue) {
        return new FunctionDef(name, Layer.ANALYSIS, "functions/deep-analysis", handler, 2048, 60, null,
                List.of(from(queue, 5, 1)), List.of("documents", "scans"),
                List.of("index-requests.fifo", "audit-events.fifo"), List.of("uploads"), List.of(), false);
    }

    public static final List<FunctionDef> FUNCTIONS = List.of(INGRESS, FIREWALL, SCAN_TYPE_FN, SCAN_ACTIVE_CONTENT_FN,
            SCAN_SIGNATURES_FN, SCAN_SECRETS_FN, INDEXER, SEARCH, GENERATE, ORCHESTRATOR, READINESS, UPLOADS_FN, ADMIN,
            AUDIT_FN, MCP);

    // ---- routes (all on the Layer 1 URL; the ingress authenticates, then forwards signed) ------

    private static final int KB = 1024;

    public static final List<RouteDef> ROUTES = List.of(
            new RouteDef("GET", "/widget.js", "ingress", "assets.get", AuthMode.NONE, 0, false),
            new RouteDef("GET", "/widget.css", "ingress", "assets.get", AuthMode.NONE, 0, false),
            new RouteDef("GET", "/widget.json", "ingress", "assets.get", AuthMode.NONE, 0, false),
            new RouteDef("POST", "/v1/chat", "ingress", "chat", AuthMode.PUBLISHABLE_KEY, 16 * KB, false),
            new RouteDef("GET", "/v1/tenant/status", "orchestrator", "tenant.status", AuthMode.PUBLISHABLE_KEY, 0, false),
            new RouteDef("POST", "/v1/guard", "firewall", "guard", AuthMode.SECRET_KEY, 32 * KB, false),
            new RouteDef("POST", "/v1/search", "search", "search", AuthMode.SECRET_KEY, 8 * KB, false),
            new RouteDef("POST", "/v1/uploads", "uploads", "uploads.create", AuthMode.SECRET_KEY, 4 * KB, false),
            new RouteDef("GET", "/v1/documents", "uploads", "documents.list", AuthMode.SECRET_KEY, 0, false),
            new RouteDef("GET", "/v1/documents/{documentId}", "uploads", "documents.get", AuthMode.SECRET_KEY, 0, false),
            new RouteDef("DELETE", "/v1/documents/{documentId}", "uploads", "documents.delete", AuthMode.SECRET_KEY, 0, false),
            new RouteDef("POST", "/admin/tenants", "admin", "tenants.create", AuthMode.ADMIN_TOKEN, 8 * KB, false),
            new RouteDef("GET", "/admin/tenants/{tenantId}", "admin", "tenants.get", AuthMode.ADMIN_TOKEN, 0, false),
            new RouteDef("PATCH", "/admin/tenants/{tenantId}", "admin", "tenants.update", AuthMode.ADMIN_TOKEN, 8 * KB, false),
            new RouteDef("POST", "/admin/tenants/{tenantId}/keys", "admin", "tenants.rotateKey", AuthMode.ADMIN_TOKEN, 1 * KB, false),
            new RouteDef("GET", "/admin/tenants/{tenantId}/audit", "admin", "audit.list", AuthMode.ADMIN_TOKEN, 0, false),
            new RouteDef("POST", "/mcp", "mcp", "mcp", AuthMode.SECRET_KEY, 64 * KB, false),
            new RouteDef("GET", "/.well-known/agent.json", "mcp", "a2a.card", AuthMode.NONE, 0, false),
            new RouteDef("GET", "/health", "local-edge", "health", AuthMode.NONE, 0, true),
            new RouteDef("GET", "/demo", "local-edge", "demo", AuthMode.NONE, 0, true));

    // ---- lookups ------------------------------------------------------------------------------

    public static TableDef table(String name) {
        return TABLES.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no table " + name));
    }

    public static QueueDef queue(String name) {
        return QUEUES.stream().filter(q -> q.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no queue " + name));
    }

    public static BucketDef bucket(String name) {
        return BUCKETS.stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no bucket " + name));
    }

    public static FunctionDef function(String name) {
        return FUNCTIONS.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no function " + name));
    }

    /** The route for a request, if any (first match wins; the list has no overlaps). */
    public static Optional<RouteDef> route(String method, String path) {
        return ROUTES.stream().filter(r -> r.match(method, path).isPresent()).findFirst();
    }
}
