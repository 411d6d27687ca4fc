package io.edgemesh.backbone;

import io.edgemesh.backbone.admin.AdminRequests;
import io.edgemesh.backbone.admin.TenantAdmin;
import io.edgemesh.backbone.audit.AuditLog;
import io.edgemesh.backbone.internal.ApiJson;
import io.edgemesh.backbone.internal.Forwards;
import io.edgemesh.backbone.internal.Warmup;
import io.edgemesh.backbone.internal.Wiring;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.common.crac.Priming;
import io.edgemesh.common.invoke.EnvelopeHandler;
import io.edgemesh.common.invoke.HttpForward;
import io.edgemesh.common.invoke.Invocation;
import io.edgemesh.common.invoke.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Layer 7 admin API, reached only through the ingress with the admin token: {@code tenants.create},
 * {@code tenants.get}, {@code tenants.update}, {@code tenants.rotateKey}, {@code audit.list}.
 */
public final class AdminHandler extends EnvelopeHandler {
    public static final String FUNCTION = "admin";
    static final int DEFAULT_AUDIT_PAGE = 20;
    static final int MAX_AUDIT_PAGE = 100;

    private final TenantAdmin admin;
    private final AuditLog auditLog;

    public AdminHandler() {
        this(System.getenv());
    }

    public AdminHandler(Map<String, String> env) {
        this(Wiring.config(env, FUNCTION));
    }

    private AdminHandler(FunctionConfig config) {
        this(config, AwsClients.from(config));
    }

    private AdminHandler(FunctionConfig config, AwsClients aws) {
        super(config, aws);
        Wiring w = new Wiring(config, aws);
        this.admin = w.tenantAdmin(w.tenants(), w.auditPublisher());
        this.auditLog = w.auditLog();
        Priming.register(FUNCTION, () -> {
            Warmup.admin();
            aws.dynamoDb();
            aws.sqs();
            aws.s3();
        }, () -> { });
    }

    @Override
    protected Object handle(Invocation inv) {
        HttpForward f = Forwards.read(inv, Forwards.ADMIN);
        return switch (inv.operation()) {
            case "tenants.create" -> Response.created(ApiJson.tree(admin.create(AdminRequests.create(f.body()), inv.requestId())));
            case "tenants.get" -> ApiJson.tree(admin.get(Forwards.pathParam(f, "tenantId")));
            case "tenants.update" -> ApiJson.tree(admin.update(Forwards.pathParam(f, "tenantId"), AdminRequests.patch(f.body()),
                    inv.requestId()));
            case "tenants.rotateKey" -> Response.created(ApiJson.tree(admin.rotateKey(Forwards.pathParam(f, "tenantId"),
                    AdminRequests.overlap(f.body()), inv.requestId())));
            case "audit.list" -> ApiJson.tree(auditList(f));
            default -> throw ApiException.notFound("unknown operation " + inv.operation());
        };
    }

    private Object auditList(HttpForward f) {
        String tenantId = Forwards.pathParam(f, "tenantId");
        admin.requireExists(tenantId);
        int limit = limit(Forwards.query(f, "limit"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tenantId", tenantId);
        out.put("records", auditLog.recent(tenantId, limit));
        out.put("verification", auditLog.verify(tenantId));
        return out;
    }

    private static int limit(String v) {
        if (v == null || v.isEmpty()) return DEFAULT_AUDIT_PAGE;
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= MAX_AUDIT_PAGE) return n;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ApiException.invalid("limit must be an integer between 1 and " + MAX_AUDIT_PAGE);
    }
}
