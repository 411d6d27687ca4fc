package io.edgemesh.common.sqs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.LogContext;
import io.edgemesh.common.log.Logger;
import io.edgemesh.common.metrics.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Base of every queue consumer ({@code ReportBatchItemFailures} is on for every event source).
 * Each record goes through {@link #process}; only the ids of records that failed are returned, so
 * the successful ones are deleted and the failed ones are retried and finally redriven to the DLQ.
 * A {@link PoisonMessageException} (or any other exception) is such a failure: never dropped.
 *
 * <p>FIFO queues: following Lambda's rule for FIFO sources, processing stops at the first failure and
 * every record after it is reported failed too, so one tenant's events are never applied out of order.
 * When the invocation is about to time out, the unprocessed rest is reported failed instead of being
 * cut off mid-record.
 *
 * <p>Each record runs inside a {@link LogContext} with the function name, the tenant (from
 * {@link #tenantOf}), the message id as request id and the trace id from the {@code AWSTraceHeader}
 * attribute when present. Counts {@code MessagesProcessed}, {@code MessagesFailed} and
 * {@code PoisonMessages} go out as EMF metrics per tenant.
 */
public abstract class SqsBatchHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    /** Below this much remaining time the rest of the batch is handed back rather than started. */
    static final long TIME_MARGIN_MILLIS = 2_000;

    private final String functionName;
    private final Logger log;

    protected SqsBatchHandler(String functionName) {
        this.functionName = functionName;
        this.log = Log.get(getClass());
    }

    /**
     * Handles one message. Throw {@link PoisonMessageException} when the message can never succeed,
     * anything else for a transient failure; both are retried by the queue until its DLQ takes them.
     */
    protected abstract void process(SQSMessage message, Context context) throws Exception;

    /**
     * The tenant a message belongs to, for logs and metrics before {@link #process} parses it. The
     * default is the FIFO {@code MessageGroupId} (always the tenant in EdgeMesh), else null; consumers
     * of standard queues override it (e.g. from the S3 key).
     */
    protected String tenantOf(SQSMessage message) {
        Map<String, String> attrs = message.getAttributes();
        return attrs == null ? null : attrs.get("MessageGroupId");
    }

    public final String functionName() { return functionName; }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        boolean stopRest = false;
        try (var fn = LogContext.withFunction(functionName)) {
            for (SQSMessage m : records) {
                if (m == null || m.getMessageId() == null) continue; // nothing to report against
                if (stopRest || outOfTime(context)) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                    continue;
                }
                if (!handleOne(m, context)) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                    if (isFifo(m)) stopRest = true;
                }
            }
        }
        return new SQSBatchResponse(failures);
    }

    private boolean handleOne(SQSMessage m, Context context) {
        String tenant = safeTenant(m);
        String traceId = traceIdOf(m);
        try (var scope = LogContext.with(tenant, m.getMessageId(), traceId)) {
            Metrics metrics = Metrics.begin(functionName, tenant);
            long start = System.nanoTime();
            try {
                process(m, context);
                metrics.count("MessagesProcessed");
                return true;
            } catch (PoisonMessageException e) {
                log.warn("poison message; left for redrive to the DLQ", e, "messageId", m.getMessageId(),
                        "receiveCount", receiveCount(m));
                metrics.count("PoisonMessages");
                return false;
            } catch (Exception e) {
                log.error("message processing failed; will be retried", e, "messageId", m.getMessageId(),
                        "receiveCount", receiveCount(m));
                metrics.count("MessagesFailed");
                return false;
            } finally {
                metrics.millis("MessageProcessingTime", (System.nanoTime() - start) / 1_000_000);
                metrics.flush();
            }
        }
    }

    private String safeTenant(SQSMessage m) {
        try {
            return tenantOf(m);
        } catch (RuntimeException e) {
            return null; // the tenant is for logs only here; process() decides what the message is worth
        }
    }

    private static boolean outOfTime(Context context) {
        return context != null && context.getRemainingTimeInMillis() < TIME_MARGIN_MILLIS;
    }

    static boolean isFifo(SQSMessage m) {
        if (m.getEventSourceArn() != null && m.getEventSourceArn().endsWith(".fifo")) return true;
        return m.getAttributes() != null && m.getAttributes().containsKey("MessageGroupId");
    }

    private static String receiveCount(SQSMessage m) {
        return m.getAttributes() == null ? null : m.getAttributes().get("ApproximateReceiveCount");
    }

    /** X-Ray's {@code Root=1-5759e988-bd862e3fe1be46a994272793;...} becomes the 32-hex trace id. */
    static String traceIdOf(SQSMessage m) {
        String header = m.getAttributes() == null ? null : m.getAttributes().get("AWSTraceHeader");
        if (header == null) return null;
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith("Root=1-")) {
                String hex = p.substring(7).replace("-", "");
                return hex.matches("[0-9a-f]{32}") ? hex : null;
            }
        }
        return null;
    }
}
