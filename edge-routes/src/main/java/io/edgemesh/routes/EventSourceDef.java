package io.edgemesh.routes;

/**
 * An SQS event source mapping, as Lambda runs it: batches of up to {@code batchSize}, waiting up to
 * {@code maxBatchingWindowSeconds} to fill one, with {@code ReportBatchItemFailures} so only failed
 * messages return to the queue.
 */
public record EventSourceDef(String queue, int batchSize, int maxBatchingWindowSeconds, boolean reportBatchItemFailures) { }
