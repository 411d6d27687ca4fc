/**
 * Queue consumers: {@link io.edgemesh.common.sqs.SqsBatchHandler} is the base of every
 * {@code RequestHandler<SQSEvent, SQSBatchResponse>}; it reports partial batch failures, keeps FIFO
 * order by stopping at the first failure, logs each message under its tenant, and treats poison
 * messages as failures that the queue redrives to its DLQ rather than dropping them.
 */
package io.edgemesh.common.sqs;
