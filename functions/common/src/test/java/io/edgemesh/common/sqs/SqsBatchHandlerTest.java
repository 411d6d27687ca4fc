package io.edgemesh.common.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.edgemesh.common.Fixtures;
import io.edgemesh.common.Json;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.LogContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqsBatchHandlerTest {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Consumer<String> previous;

    @BeforeEach
    void capture() { previous = Log.setOutput(lines::add); }

    @AfterEach
    void restore() { Log.setOutput(previous); }

    /** Fails the bodies it is told to, records what it saw and under which log context. */
    static final class Recording extends SqsBatchHandler {
        final List<String> seen = new ArrayList<>();
        final List<LogContext.Values> contexts = new ArrayList<>();
        final Set<String> poison;
        final Set<String> transientFail;

        Recording(Set<String> poison, Set<String> transientFail) {
            super("indexer");
            this.poison = poison;
            this.transientFail = transientFail;
        }

        @Override
        protected void process(SQSMessage m, Context context) {
            seen.add(m.getBody());
            contexts.add(LogContext.current());
            if (poison.contains(m.getBody())) throw new PoisonMessageException("cannot parse");
            if (transientFail.contains(m.getBody())) throw new IllegalStateException("dynamodb throttled");
        }
    }

    private static SQSEvent fifoBatch() { return Fixtures.read("sqs/fifo-batch.json", SQSEvent.class); }

    private static SQSEvent standardBatch() {
        SQSEvent e = fifoBatch();
        for (SQSMessage m : e.getRecords()) {
            m.setEventSourceArn("arn:aws:sqs:us-east-1:123456789012:edgemesh-scan-type");
            m.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        }
        return e;
    }

    private static List<String> failedIds(SQSBatchResponse r) {
        return r.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    @Test
    void an_all_good_batch_reports_no_failures() {
        Recording h = new Recording(Set.of(), Set.of());
        SQSBatchResponse r = h.handleRequest(fifoBatch(), null);
        assertThat(r.getBatchItemFailures()).isEmpty();
        assertThat(h.seen).containsExactly("BODY-1", "BODY-2", "BODY-3");
    }

    @Test
    void standard_queue_reports_only_the_failed_message_and_processes_the_rest() {
        // GIVEN a standard-queue batch whose second message is poison
        Recording h = new Recording(Set.of("BODY-2"), Set.of());
        // WHEN handled
        SQSBatchResponse r = h.handleRequest(standardBatch(), null);
        // THEN only m-2 is reported (to be redriven to the DLQ), and m-3 was still processed
        assertThat(failedIds(r)).containsExactly("m-2");
        assertThat(h.seen).containsExactly("BODY-1", "BODY-2", "BODY-3");
    }

    @Test
    void fifo_queue_stops_at_the_first_failure_and_reports_the_rest_to_keep_order() {
        Recording h = new Recording(Set.of(), Set.of("BODY-1"));
        SQSBatchResponse r = h.handleRequest(fifoBatch(), null);
        assertThat(failedIds(r)).containsExactly("m-1", "m-2", "m-3");
        assertThat(h.seen).containsExactly("BODY-1");
    }

    @Test
    void each_message_runs_under_its_tenant_and_trace_and_the_context_is_restored() {
        Recording h = new Recording(Set.of(), Set.of());
        h.handleRequest(fifoBatch(), null);
        assertThat(h.contexts.get(0).tenantId()).isEqualTo("acme");
        assertThat(h.contexts.get(0).function()).isEqualTo("indexer");
        assertThat(h.contexts.get(0).requestId()).isEqualTo("m-1");
        assertThat(h.contexts.get(0).traceId()).isEqualTo("5759e988bd862e3fe1be46a994272793");
        assertThat(h.contexts.get(2).tenantId()).isEqualTo("globex");
        assertThat(LogContext.current().tenantId()).isNull();
    }

    @Test
    void failures_are_logged_with_the_tenant_and_counted_as_metrics() {
        Recording h = new Recording(Set.of("BODY-2"), Set.of());
        h.handleRequest(standardBatch(), null);
        var warn = lines.stream().map(Json::parse).filter(n -> "WARN".equals(n.path("level").asText())).findFirst();
        assertThat(warn).isPresent();
        assertThat(warn.get().get("messageId").asText()).isEqualTo("m-2");
        assertThat(warn.get().get("function").asText()).isEqualTo("indexer");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"PoisonMessages\":1"));
    }

    @Test
    void when_time_runs_out_the_unstarted_rest_is_handed_back() {
        Recording h = new Recording(Set.of(), Set.of());
        Context almostOut = new TestContext(500);
        SQSBatchResponse r = h.handleRequest(standardBatch(), almostOut);
        assertThat(failedIds(r)).containsExactly("m-1", "m-2", "m-3");
        assertThat(h.seen).isEmpty();
    }

    @Test
    void an_empty_or_null_event_is_an_empty_response() {
        Recording h = new Recording(Set.of(), Set.of());
        assertThat(h.handleRequest(null, null).getBatchItemFailures()).isEmpty();
        assertThat(h.handleRequest(new SQSEvent(), null).getBatchItemFailures()).isEmpty();
    }
}
