package io.edgemesh.common.sqs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.edgemesh.common.log.LogContext;
import io.edgemesh.events.EdgeMeshEvent;
import io.edgemesh.events.EdgeMeshEvents;
import io.edgemesh.events.EventType;
import io.edgemesh.events.InvalidEventException;
import io.edgemesh.events.ReceivedEvent;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Base of consumers whose queue carries EdgeMesh CloudEvents. The body is parsed and checked before
 * {@link #handle} runs; these are poison (reported failed, redriven to the DLQ, never dropped):
 * a body that is not a valid event, a type this consumer does not accept, and a FIFO message whose
 * group id is not the event's tenant (the group is how a tenant's events are ordered and isolated).
 */
public abstract class CloudEventBatchHandler extends SqsBatchHandler {
    private final Set<EventType> accepted;

    protected CloudEventBatchHandler(String functionName, Set<EventType> accepted) {
        super(functionName);
        if (accepted.isEmpty()) throw new IllegalArgumentException("a consumer must accept at least one event type");
        this.accepted = EnumSet.copyOf(accepted);
    }

    /** Acts on one verified event; throw for a transient failure (retried), {@link PoisonMessageException} for a permanent one. */
    protected abstract void handle(ReceivedEvent<EdgeMeshEvent> event, SQSMessage message, Context context) throws Exception;

    public Set<EventType> accepted() { return Set.copyOf(accepted); }

    @Override
    protected final void process(SQSMessage message, Context context) throws Exception {
        ReceivedEvent<EdgeMeshEvent> event;
        try {
            event = EdgeMeshEvents.read(message.getBody());
        } catch (InvalidEventException e) {
            throw new PoisonMessageException("invalid event (" + e.reason() + "): " + e.getMessage(), e);
        }
        if (!accepted.contains(event.type())) {
            throw new PoisonMessageException("event type " + event.type().type() + " is not accepted here; accepted: "
                    + accepted.stream().map(EventType::type).toList());
        }
        String tenant = event.data().tenantId();
        Map<String, String> attrs = message.getAttributes();
        String group = attrs == null ? null : attrs.get("MessageGroupId");
        if (group != null && !group.equals(tenant)) {
            throw new PoisonMessageException("message group '" + group + "' is not the event's tenant '" + tenant + "'");
        }
        try (var scope = LogContext.withTenant(tenant)) {
            handle(event, message, context);
        }
    }
}
