package io.edgemesh.orchestrator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.common.crac.Priming;
import io.edgemesh.common.sqs.CloudEventBatchHandler;
import io.edgemesh.events.DocumentIndexed;
import io.edgemesh.events.DocumentRemoved;
import io.edgemesh.events.EdgeMeshEvent;
import io.edgemesh.events.EventType;
import io.edgemesh.events.ReceivedEvent;
import io.edgemesh.orchestrator.internal.Wiring;
import io.edgemesh.orchestrator.readiness.ReadinessService;
import java.util.Map;
import java.util.Set;

/** Consumes tenant-events.fifo: a document indexed unlocks chat, the last one removed locks it again. */
public final class ReadinessHandler extends CloudEventBatchHandler {
    private final ReadinessService readiness;

    public ReadinessHandler() {
        this(System.getenv());
    }

    public ReadinessHandler(Map<String, String> env) {
        super(FunctionConfig.of(env).functionName(), Set.of(EventType.DOCUMENT_INDEXED, EventType.DOCUMENT_REMOVED));
        FunctionConfig config = FunctionConfig.of(env);
        this.readiness = new Wiring(config, AwsClients.from(config)).readiness();
        Priming.register("readiness", Priming::warmCommon, () -> { });
    }

    @Override
    protected void handle(ReceivedEvent<EdgeMeshEvent> event, SQSMessage message, Context context) {
        switch (event.data()) {
            case DocumentIndexed d -> readiness.documentIndexed(d.tenantId(), d.documentId());
            case DocumentRemoved d -> readiness.documentRemoved(d.tenantId(), d.documentId());
            default -> throw new IllegalStateException("unexpected event " + event.type());
        }
    }
}
