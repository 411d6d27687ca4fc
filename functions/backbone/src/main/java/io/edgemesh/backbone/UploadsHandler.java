package io.edgemesh.backbone;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.backbone.documents.DocumentService;
import io.edgemesh.backbone.documents.DocumentStore;
import io.edgemesh.backbone.internal.Fields;
import io.edgemesh.backbone.internal.ApiJson;
import io.edgemesh.backbone.internal.Forwards;
import io.edgemesh.backbone.internal.Warmup;
import io.edgemesh.backbone.internal.Wiring;
import io.edgemesh.backbone.audit.AuditPublisher;
import io.edgemesh.backbone.tenants.Tenant;
import io.edgemesh.backbone.tenants.TenantStore;
import io.edgemesh.backbone.uploads.UploadRequest;
import io.edgemesh.backbone.uploads.UploadService;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.ErrorCodes;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.common.crac.Priming;
import io.edgemesh.common.invoke.EnvelopeHandler;
import io.edgemesh.common.invoke.HttpForward;
import io.edgemesh.common.invoke.Invocation;
import io.edgemesh.common.invoke.Response;
import java.util.Map;
import java.util.Set;

/**
 * Layer 7 uploads and documents API for secret-key callers: {@code uploads.create},
 * {@code documents.list}, {@code documents.get}, {@code documents.delete}. A suspended tenant may
 * still list and delete its documents (it must be able to take its data back) but not upload.
 */
public final class UploadsHandler extends EnvelopeHandler {
    public static final String FUNCTION = "uploads";
    private static final Set<String> CREATE_FIELDS = Set.of("filename", "contentType", "size");

    private final TenantStore tenants;
    private final UploadService uploads;
    private final DocumentService documents;

    public UploadsHandler() {
        this(System.getenv());
    }

    public UploadsHandler(Map<String, String> env) {
        this(Wiring.config(env, FUNCTION));
    }

    private UploadsHandler(FunctionConfig config) {
        this(config, AwsClients.from(config));
    }

    private UploadsHandler(FunctionConfig config, AwsClients aws) {
        super(config, aws);
        Wiring w = new Wiring(config, aws);
        DocumentStore store = w.documents();
        AuditPublisher audit = w.auditPublisher();
        this.tenants = w.tenants();
        this.uploads = w.uploads(store, audit);
        this.documents = w.documentService(store, audit);
        Priming.register(FUNCTION, () -> {
            Warmup.uploads();
            aws.dynamoDb();
            aws.sqs();
            aws.s3();
            aws.s3Presigner();
        }, () -> { });
    }

    @Override
    protected Object handle(Invocation inv) {
        HttpForward f = Forwards.read(inv, Forwards.SECRET_KEY);
        String tenantId = inv.tenantId();
        return switch (inv.operation()) {
            case "uploads.create" -> Response.created(ApiJson.tree(uploads.create(activeTenant(tenantId), uploadRequest(f.body()),
                    Forwards.actor(f), inv.requestId())));
            case "documents.list" -> ApiJson.tree(documents.list(tenantId, Forwards.query(f, "limit"), Forwards.query(f, "cursor")));
            case "documents.get" -> ApiJson.tree(documents.get(tenantId, Forwards.pathParam(f, "documentId")));
            case "documents.delete" -> {
                documents.delete(tenantId, Forwards.pathParam(f, "documentId"), Forwards.actor(f), inv.requestId());
                yield Response.of(204, null);
            }
            default -> throw ApiException.notFound("unknown operation " + inv.operation());
        };
    }

    private Tenant activeTenant(String tenantId) {
        Tenant t = tenants.get(tenantId).orElseThrow(() -> ApiException.unauthorized("the tenant of this key no longer exists"));
        if (t.isSuspended()) throw ApiException.forbidden(ErrorCodes.TENANT_SUSPENDED, "the tenant is suspended; uploads are refused");
        return t;
    }

    static UploadRequest uploadRequest(JsonNode body) {
        JsonNode o = Fields.object(body, "the body");
        Fields.onlyKnown(o, "the body", CREATE_FIELDS);
        return new UploadRequest(Fields.requiredString(o, "filename"), Fields.requiredString(o, "contentType"),
                Fields.requiredLong(o, "size"));
    }
}
