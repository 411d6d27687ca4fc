package io.edgemesh.local.support;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A tiny queue consumer: records every message it gets (with the batch it came in), reports the
 * ones {@code fails} selects as batch item failures, and throws for a body containing {@code throw}.
 */
public final class RecordingSqsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** One delivery: the message, its batch number, and the Context the handler saw. */
    public record Delivery(SQSEvent.SQSMessage message, int batch, String functionName, int remainingMillis) { }

    private final Predicate<SQSEvent.SQSMessage> fails;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    public RecordingSqsHandler(Predicate<SQSEvent.SQSMessage> fails) {
        this.fails = fails;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            int batch = batches.incrementAndGet();
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage m : event.getRecords()) {
                deliveries.add(new Delivery(m, batch, context.getFunctionName(), context.getRemainingTimeInMillis()));
                if (m.getBody().contains("throw")) throw new IllegalStateException("handler failure for the whole batch");
                if (fails.test(m)) failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
            }
            // a slow handler makes overlapping batches visible if the poller allowed them
            Thread.sleep(20);
            return new SQSBatchResponse(failures);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    public List<Delivery> deliveries() { return List.copyOf(deliveries); }

    public List<Delivery> deliveriesOf(String bodyPart) {
        return deliveries.stream().filter(d -> d.message().getBody().contains(bodyPart)).toList();
    }

    public int maxConcurrentBatches() { return maxInFlight.get(); }
}
