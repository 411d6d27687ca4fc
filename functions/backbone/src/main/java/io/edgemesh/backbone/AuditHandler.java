package io.edgemesh.backbone;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.edgemesh.backbone.audit.AuditLog;
import io.edgemesh.backbone.internal.Warmup;
import io.edgemesh.backbone.internal.Wiring;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.common.crac.Priming;
import io.edgemesh.common.sqs.PoisonMessageException;
import io.edgemesh.common.sqs.SqsBatchHandler;
import io.edgemesh.events.AuditEvent;
import io.edgemesh.events.EdgeMeshEvents;
import io.edgemesh.events.InvalidEventException;
import java.util.Map;

/**
 * Consumes {@code audit-events.fifo} (group = tenant, so each tenant's chain is appended one event at
 * a time) and appends every {@link AuditEvent} to its tenant's hash chain. A message that is not an
 * audit event, or whose FIFO group is not the event's tenant, is poison: it goes to the DLQ after
 * its retries and never into a chain.
 */
public final class AuditHandler extends SqsBatchHandler {
    public static final String FUNCTION = "audit";

    private final AuditLog log;

    public AuditHandler() {
        this(System.getenv());
    }

    public AuditHandler(Map<String, String> env) {
        this(Wiring.config(env, FUNCTION));
    }

    private AuditHandler(FunctionConfig config) {
        this(config, AwsClients.from(config));
    }

    private AuditHandler(FunctionConfig config, AwsClients aws) {
        super(config.functionName());
        this.log = new Wiring(config, aws).auditLog();
        Priming.register(FUNCTION, () -> {
            Priming.warmCommon();
            Warmup.audit();
            aws.dynamoDb();
            aws.s3();
        }, () -> { });
    }

    @Override
    protected void process(SQSMessage message, Context context) {
        AuditEvent event;
        try {
            event = EdgeMeshEvents.parse(message.getBody(), AuditEvent.class);
        } catch (InvalidEventException e) {
            throw new PoisonMessageException("not an audit event: " + e.getMessage(), e);
        }
        String group = message.getAttributes() == null ? null : message.getAttributes().get("MessageGroupId");
        if (group != null && !group.equals(event.tenantId())) {
            throw new PoisonMessageException("message group " + group + " is not the event's tenant " + event.tenantId());
        }
        log.append(event);
    }
}
