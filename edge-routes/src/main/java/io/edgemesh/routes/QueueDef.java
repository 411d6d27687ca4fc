package io.edgemesh.routes;

/**
 * An SQS queue with its dead-letter queue. FIFO queues end in {@code .fifo} and use the tenant id
 * as message group, so one tenant's messages are processed in order while tenants run in parallel.
 * {@code visibilityTimeoutSeconds} is at least six times the consumer's timeout (AWS guidance).
 */
public record QueueDef(String name, boolean fifo, int visibilityTimeoutSeconds, int maxReceiveCount,
                       int retentionSeconds, String purpose) {
    public QueueDef {
        if (fifo != name.endsWith(".fifo")) {
            throw new IllegalArgumentException("FIFO queue names end in .fifo: " + name);
        }
    }

    /** The dead-letter queue's logical name: {@code <name>-dlq}, keeping the {@code .fifo} suffix last. */
    public String dlqName() {
        return fifo ? name.substring(0, name.length() - 5) + "-dlq.fifo" : name + "-dlq";
    }
}
