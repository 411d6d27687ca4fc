package io.edgemesh.routes;

import java.util.List;
import java.util.Optional;

/**
 * A Lambda function: its layer, the Maven module whose {@code -lambda.jar} is its package, the
 * handler class, sizing, the queues it consumes and the resources it may touch (by logical name).
 * {@code invokes} lists the functions it calls through signed envelopes; IAM and the local edge
 * grant exactly those.
 */
public record FunctionDef(String name, Layer layer, String module, String handler, int memoryMb, int timeoutSeconds,
                          Integer reservedConcurrency, List<EventSourceDef> sources, List<String> tables,
                          List<String> queuesSentTo, List<String> buckets, List<String> invokes, boolean functionUrl) {
    public FunctionDef {
        sources = List.copyOf(sources);
        tables = List.copyOf(tables);
        queuesSentTo = List.copyOf(queuesSentTo);
        buckets = List.copyOf(buckets);
        invokes = List.copyOf(invokes);
    }

    public Optional<Integer> reserved() { return Optional.ofNullable(reservedConcurrency); }
}
