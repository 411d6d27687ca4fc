package io.edgemesh.local.internal;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.Logger;
import io.edgemesh.routes.EventSourceDef;
import io.edgemesh.routes.QueueDef;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * An SQS event source mapping as Lambda runs it. Long polls the queue, gathers up to
 * {@code batchSize} messages for at most the batching window, invokes the function with an
 * {@link SQSEvent}, then deletes what succeeded: everything when the function returns normally,
 * all but the reported {@code batchItemFailures} with {@code ReportBatchItemFailures}, nothing when
 * it throws or times out (the whole batch comes back after the visibility timeout). Redrive to the
 * dead-letter queue after {@code maxReceiveCount} receives is the queue's own redrive policy.
 * The visibility timeout is the queue's (set from its {@link QueueDef}), never overridden here.
 *
 * <p>A FIFO queue runs one batch at a time, so one message group is never in two batches at once
 * and its messages reach the function in order. A standard queue runs up to
 * {@code maxConcurrency} batches in parallel.
 */
public final class SqsEventSource implements AutoCloseable {
    private static final Logger LOG = Log.get(SqsEventSource.class);
    /** SQS caps one receive at 10 messages and a long poll at 20 s. */
    private static final int MAX_RECEIVE = 10;
    private static final int LONG_POLL_SECONDS = 20;

    private final FunctionInstance function;
    private final EventSourceDef source;
    private final QueueDef queue;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final SqsClient sqs;
    private final Invoker invoker;
    private final ExecutorService executor;
    private final Semaphore slots;
    private final int maxConcurrency;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private volatile boolean running;
    private volatile Thread poller;

    public SqsEventSource(FunctionInstance function, EventSourceDef source, QueueDef queue, String queueUrl,
                          String queueArn, String region, SqsClient sqs, Invoker invoker, ExecutorService executor,
                          int maxConcurrency) {
        this.function = function;
        this.source = source;
        this.queue = queue;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.region = region;
        this.sqs = sqs;
        this.invoker = invoker;
        this.executor = executor;
        this.maxConcurrency = queue.fifo() ? 1 : Math.max(1, maxConcurrency);
        this.slots = new Semaphore(this.maxConcurrency);
    }

    public synchronized void start() {
        if (running) return;
        running = true;
        poller = Thread.ofVirtual().name("sqs-poller-" + queue.name()).start(this::pollLoop);
    }

    public String queueName() { return queue.name(); }

    public String functionName() { return function.name(); }

    public long batchesInvoked() { return batches.get(); }

    public long batchesFailed() { return failedBatches.get(); }

    private void pollLoop() {
        long backoffMillis = 100;
        while (running) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                break;
            }
            boolean handedOff = false;
            try {
                List<Message> batch = receiveBatch();
                backoffMillis = 100;
                if (!running) {
                    release(batch);
                    break;
                }
                if (!batch.isEmpty()) {
                    if (queue.fifo()) {
                        // one batch at a time: finish it before the next receive
                        process(batch);
                    } else {
                        executor.submit(() -> {
                            try {
                                process(batch);
                            } finally {
                                slots.release();
                            }
                        });
                        handedOff = true;
                    }
                }
            } catch (RuntimeException e) {
                if (!running) break;
                LOG.warn("receive failed; retrying", "queue", queue.name(), "problem", e.toString());
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            } finally {
                if (!handedOff) slots.release();
            }
        }
    }

    /** Makes messages received during shutdown visible again at once instead of after the timeout. */
    private void release(List<Message> batch) {
        if (batch.isEmpty()) return;
        try {
            List<software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                entries.add(software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry.builder()
                        .id(Integer.toString(i)).receiptHandle(batch.get(i).receiptHandle()).visibilityTimeout(0).build());
            }
            sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(entries));
        } catch (RuntimeException e) {
            // the messages come back after the visibility timeout anyway
        }
    }

    /**
     * The first receive waits for a message; then the batch fills until full or the window closes.
     * A message received twice while the batch fills (its visibility timeout shorter than the
     * window) is kept once, with its newest receipt handle, the only one that can still delete it.
     */
    private List<Message> receiveBatch() {
        Map<String, Message> batch = new LinkedHashMap<>();
        receive(Math.min(MAX_RECEIVE, source.batchSize()), LONG_POLL_SECONDS).forEach(m -> batch.put(m.messageId(), m));
        if (batch.isEmpty() || source.maxBatchingWindowSeconds() <= 0) return new ArrayList<>(batch.values());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(source.maxBatchingWindowSeconds());
        while (running && batch.size() < source.batchSize()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            int waitSeconds = (int) Math.min(LONG_POLL_SECONDS, TimeUnit.NANOSECONDS.toSeconds(left));
            List<Message> more = receive(Math.min(MAX_RECEIVE, source.batchSize() - batch.size()), waitSeconds);
            more.forEach(m -> batch.put(m.messageId(), m));
            if (more.isEmpty() && waitSeconds == 0) sleep(Math.min(50, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        return new ArrayList<>(batch.values());
    }

    private List<Message> receive(int max, int waitSeconds) {
        ReceiveMessageResponse r = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(max)
                .waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNamesWithStrings("All")
                .messageAttributeNames("All"));
        return r.messages();
    }

    void process(List<Message> batch) {
        SQSEvent event = toEvent(batch);
        batches.incrementAndGet();
        Invoker.Outcome<SQSBatchResponse> outcome = invoker.invokeEvent(function, event, SQSBatchResponse.class);
        List<String> ids = batch.stream().map(Message::messageId).toList();
        if (!outcome.ok()) {
            failedBatches.incrementAndGet();
            LOG.warn("batch failed; every message returns to the queue", "queue", queue.name(), "target", function.name(),
                    "messages", ids, "failureType", outcome.failure().errorType(),
                    "failureMessage", outcome.failure().errorMessage());
            return;
        }
        Set<String> failed = failures(outcome.value(), ids);
        if (failed == null) {
            failedBatches.incrementAndGet();
            LOG.warn("batchItemFailures names an unknown message; the whole batch counts as failed",
                    "queue", queue.name(), "target", function.name(), "messages", ids);
            return;
        }
        if (!failed.isEmpty()) {
            LOG.info("partial batch failure", "queue", queue.name(), "target", function.name(), "failed", failed);
        }
        List<Message> done = batch.stream().filter(m -> !failed.contains(m.messageId())).toList();
        delete(done);
    }

    /**
     * The ids to keep, or null when the response is malformed (Lambda then fails the whole batch).
     * Without {@code ReportBatchItemFailures} a normal return means every message succeeded.
     */
    Set<String> failures(SQSBatchResponse response, List<String> ids) {
        Set<String> failed = new HashSet<>();
        if (!source.reportBatchItemFailures() || response == null || response.getBatchItemFailures() == null) {
            return failed;
        }
        for (SQSBatchResponse.BatchItemFailure f : response.getBatchItemFailures()) {
            String id = f == null ? null : f.getItemIdentifier();
            if (id == null || id.isBlank() || !ids.contains(id)) return null;
            failed.add(id);
        }
        return failed;
    }

    private void delete(List<Message> done) {
        for (int i = 0; i < done.size(); i += MAX_RECEIVE) {
            List<Message> chunk = done.subList(i, Math.min(done.size(), i + MAX_RECEIVE));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int j = 0; j < chunk.size(); j++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(j))
                        .receiptHandle(chunk.get(j).receiptHandle()).build());
            }
            try {
                DeleteMessageBatchResponse r = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
                if (r.hasFailed() && !r.failed().isEmpty()) {
                    LOG.warn("some processed messages could not be deleted and will be delivered again",
                            "queue", queue.name(), "failed", r.failed().size());
                }
            } catch (RuntimeException e) {
                LOG.warn("deleting processed messages failed; they will be delivered again", "queue", queue.name(),
                        "problem", e.toString());
            }
        }
    }

    /** The event Lambda builds from received messages. */
    SQSEvent toEvent(List<Message> batch) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>(batch.size());
        for (Message m : batch) {
            SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
            r.setMessageId(m.messageId());
            r.setReceiptHandle(m.receiptHandle());
            r.setBody(m.body());
            r.setMd5OfBody(m.md5OfBody());
            r.setMd5OfMessageAttributes(m.md5OfMessageAttributes());
            r.setAttributes(new LinkedHashMap<>(m.attributesAsStrings()));
            Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
            if (m.hasMessageAttributes()) {
                m.messageAttributes().forEach((name, value) -> attributes.put(name, attribute(value)));
            }
            r.setMessageAttributes(attributes);
            r.setEventSource("aws:sqs");
            r.setEventSourceArn(queueArn);
            r.setAwsRegion(region);
            records.add(r);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static SQSEvent.MessageAttribute attribute(MessageAttributeValue v) {
        SQSEvent.MessageAttribute a = new SQSEvent.MessageAttribute();
        a.setDataType(v.dataType());
        a.setStringValue(v.stringValue());
        if (v.binaryValue() != null) a.setBinaryValue(ByteBuffer.wrap(v.binaryValue().asByteArray()));
        a.setStringListValues(v.hasStringListValues() ? v.stringListValues() : List.of());
        a.setBinaryListValues(v.hasBinaryListValues()
                ? v.binaryListValues().stream().map(b -> ByteBuffer.wrap(b.asByteArray())).toList() : List.of());
        return a;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops receiving without waiting: a long poll in progress is abandoned (messages it may still
     * return become visible again after the visibility timeout, as when a Lambda poller stops).
     */
    public void stop() {
        running = false;
        Thread t = poller;
        if (t != null) t.interrupt();
    }

    /** Waits up to {@code timeout} for running batches to finish, so they delete what they did. */
    public boolean awaitIdle(java.time.Duration timeout) {
        try {
            if (slots.tryAcquire(maxConcurrency, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                slots.release(maxConcurrency);
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop();
        awaitIdle(java.time.Duration.ofSeconds(10));
    }
}
