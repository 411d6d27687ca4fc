package io.edgemesh.common.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.edgemesh.common.Fixtures;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.LogContext;
import io.edgemesh.events.DocumentClean;
import io.edgemesh.events.DocumentDeleted;
import io.edgemesh.events.EdgeMeshEvent;
import io.edgemesh.events.EdgeMeshEvents;
import io.edgemesh.events.EventType;
import io.edgemesh.events.ReceivedEvent;
import io.edgemesh.events.TenantReady;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CloudEventBatchHandlerTest {
    private Consumer<String> previous;

    @BeforeEach
    void quiet() { previous = Log.setOutput(l -> { }); }

    @AfterEach
    void restore() { Log.setOutput(previous); }

    static final class IndexConsumer extends CloudEventBatchHandler {
        final List<EdgeMeshEvent> handled = new ArrayList<>();
        final List<String> tenants = new ArrayList<>();

        IndexConsumer() { super("indexer", Set.of(EventType.DOCUMENT_CLEAN, EventType.DOCUMENT_DELETED)); }

        @Override
        protected void handle(ReceivedEvent<EdgeMeshEvent> event, SQSMessage message, Context context) {
            handled.add(event.data());
            tenants.add(LogContext.current().tenantId());
        }
    }

    private static SQSEvent batch(String... bodies) {
        SQSEvent e = Fixtures.read("sqs/fifo-batch.json", SQSEvent.class);
        List<SQSMessage> records = e.getRecords().subList(0, bodies.length);
        for (int i = 0; i < bodies.length; i++) {
            records.get(i).setBody(bodies[i]);
            records.get(i).setAttributes(java.util.Map.of("MessageGroupId", "acme"));
            records.get(i).setEventSourceArn("arn:aws:sqs:us-east-1:123456789012:edgemesh-scan-type"); // not FIFO: see every result
        }
        e.setRecords(new ArrayList<>(records));
        return e;
    }

    private static String clean(String tenant) {
        return EdgeMeshEvents.toJson(new DocumentClean(tenant, "doc-1", "b", "tenants/" + tenant + "/incoming/doc-1",
                null, "application/pdf", 10, null));
    }

    @Test
    void accepted_events_reach_the_handler_typed_and_under_their_tenant() {
        IndexConsumer c = new IndexConsumer();
        SQSBatchResponse r = c.handleRequest(batch(clean("acme"),
                EdgeMeshEvents.toJson(new DocumentDeleted("acme", "doc-1", null))), null);
        assertThat(r.getBatchItemFailures()).isEmpty();
        assertThat(c.handled).hasSize(2).first().isInstanceOf(DocumentClean.class);
        assertThat(c.tenants).containsOnly("acme");
    }

    @Test
    void garbage_foreign_types_and_group_tenant_mismatch_are_failures_never_dropped() {
        // GIVEN garbage, a type this queue does not carry, and an event whose tenant is not its FIFO group
        IndexConsumer c = new IndexConsumer();
        SQSBatchResponse r = c.handleRequest(batch("{not json",
                EdgeMeshEvents.toJson(new TenantReady("acme", 1, 1)),
                clean("globex")), null);
        // THEN all three are reported for redrive, and none reached the domain code
        assertThat(r.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m-1", "m-2", "m-3");
        assertThat(c.handled).isEmpty();
    }
}
