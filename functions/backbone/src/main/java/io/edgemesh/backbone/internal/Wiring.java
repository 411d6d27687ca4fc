package io.edgemesh.backbone.internal;

import io.edgemesh.backbone.admin.TenantAdmin;
import io.edgemesh.backbone.audit.AuditLog;
import io.edgemesh.backbone.audit.AuditPublisher;
import io.edgemesh.backbone.audit.SqsAuditPublisher;
import io.edgemesh.backbone.documents.DocumentService;
import io.edgemesh.backbone.documents.DocumentStore;
import io.edgemesh.backbone.tenants.TenantStore;
import io.edgemesh.backbone.uploads.UploadService;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.Names;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the backbone's domain objects from a function's configuration. Each handler asks only for
 * what it uses, so a function is never wired to a resource its IAM role does not grant.
 */
public final class Wiring {
    private final FunctionConfig config;
    private final AwsClients aws;
    private final Clock clock = Clock.systemUTC();

    public Wiring(FunctionConfig config, AwsClients aws) {
        this.config = config;
        this.aws = aws;
    }

    /** The environment with this function's logical name filled in when the host did not set it. */
    public static FunctionConfig config(Map<String, String> env, String function) {
        Map<String, String> m = new HashMap<>(env);
        m.putIfAbsent(Names.ENV_FUNCTION_NAME, function);
        return FunctionConfig.of(m);
    }

    public Clock clock() { return clock; }

    public TenantStore tenants() {
        return new TenantStore(aws.dynamoDb(), config.table(EdgeMeshResources.TENANTS.name()));
    }

    public DocumentStore documents() {
        return new DocumentStore(aws.dynamoDb(), config.table(EdgeMeshResources.DOCUMENTS.name()),
                config.table(EdgeMeshResources.SCANS.name()));
    }

    public AuditPublisher auditPublisher() {
        return new SqsAuditPublisher(aws.sqs(), config.queueUrl(EdgeMeshResources.AUDIT_EVENTS.name()), config.functionName());
    }

    public UploadService uploads(DocumentStore documents, AuditPublisher audit) {
        return new UploadService(documents, aws.s3Presigner(), config.bucket(EdgeMeshResources.UPLOADS.name()), audit, clock);
    }

    public DocumentService documentService(DocumentStore documents, AuditPublisher audit) {
        return new DocumentService(documents, aws.s3(), config.bucket(EdgeMeshResources.UPLOADS.name()),
                new FifoQueue(aws.sqs(), config.queueUrl(EdgeMeshResources.INDEX_REQUESTS.name())), audit, clock);
    }

    public TenantAdmin tenantAdmin(TenantStore tenants, AuditPublisher audit) { return new TenantAdmin(tenants, audit, clock); }

    public AuditLog auditLog() {
        return new AuditLog(aws.dynamoDb(), config.table(EdgeMeshResources.AUDIT_CHAIN.name()), aws.s3(),
                config.bucket(EdgeMeshResources.AUDIT.name()), clock);
    }
}
