package io.edgemesh.widget.internal.ratelimit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Token buckets in the {@code rate-limits} table, one item per bucket: {@code bucketKey},
 * {@code tat} (theoretical arrival time, epoch microseconds) and {@code expiresAt} (TTL, so idle
 * buckets disappear). A token is taken with one conditional {@code UpdateItem}:
 * <ul>
 *   <li>busy bucket: {@code SET tat = tat + :interval IF tat > :now AND tat <= :now + tolerance};</li>
 *   <li>idle or new bucket: {@code SET tat = :now + :interval IF attribute_not_exists(tat) OR tat <= :now}.</li>
 * </ul>
 * DynamoDB evaluates the condition and applies the increment atomically per item, so concurrent
 * takers are serialised by the table: a bucket of {@code n} grants exactly {@code n} tokens to any
 * number of simultaneous callers. A failed condition returns the old item, which says whether the
 * bucket is empty (deny, with the wait) or was merely crossing between the two cases (try again).
 */
public final class DynamoRateLimiter implements RateLimiter {

    private static final int MAX_ATTEMPTS = 16;
    private static final long TTL_SLACK_SECONDS = 120;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoRateLimiter(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /**
     * Takes from all buckets at once (one round trip of latency instead of one per bucket); when any
     * refuses, the tokens the others granted are given back. A refused request may thus hold a
     * token of another bucket for the few milliseconds of a round trip: at worst a concurrent
     * request at the very edge of that bucket's limit is refused too, never one too many granted.
     */
    @Override
    public Decision acquire(List<Limit> limits) {
        if (limits.size() == 1) return take(limits.getFirst());
        List<Decision> decisions;
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Decision>> futures = limits.stream().map(l -> parallel.submit(() -> take(l))).toList();
            decisions = new ArrayList<>(futures.size());
            for (Future<Decision> f : futures) decisions.add(join(f));
        }
        Decision refused = decisions.stream().filter(d -> !d.granted()).findFirst().orElse(null);
        if (refused == null) return Decision.grant();
        for (int i = 0; i < limits.size(); i++) {
            if (decisions.get(i).granted()) giveBack(limits.get(i));
        }
        return refused;
    }

    private static Decision join(Future<Decision> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking rate-limit tokens", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Takes one token from one bucket. */
    public Decision take(Limit limit) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            long now = micros(clock.instant());
            Map<String, AttributeValue> expires = Map.of(":exp", n(now / 1_000_000 + TTL_SLACK_SECONDS));
            OptionalLong old;
            try {
                dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(limit))
                        .updateExpression("SET tat = tat + :interval, expiresAt = :exp")
                        .conditionExpression("tat > :now AND tat <= :max")
                        .expressionAttributeValues(merge(expires, Map.of(
                                ":interval", n(limit.intervalMicros()), ":now", n(now),
                                ":max", n(now + limit.toleranceMicros()))))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build());
                return Decision.grant();
            } catch (ConditionalCheckFailedException e) {
                old = e.hasItem() ? tat(e.item()) : read(limit);
            }
            if (old.isPresent() && old.getAsLong() > now) {
                TokenBucket.Step step = TokenBucket.take(limit, old, now);
                if (!step.granted()) return Decision.deny(limit.bucketKey(), step.retryAfterMicros());
                continue; // the bucket refilled between our read and our write: try the busy case again
            }
            try {
                dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(limit))
                        .updateExpression("SET tat = :tat, expiresAt = :exp")
                        .conditionExpression("attribute_not_exists(tat) OR tat <= :now")
                        .expressionAttributeValues(merge(expires, Map.of(
                                ":tat", n(now + limit.intervalMicros()), ":now", n(now))))
                        .build());
                return Decision.grant();
            } catch (ConditionalCheckFailedException e) {
                // Another caller woke the bucket first; it is busy now, so the first branch applies.
            }
        }
        // Only reachable under pathological clock jumps; refusing is the safe side of an exact limit.
        return Decision.deny(limit.bucketKey(), 1_000_000);
    }

    private void giveBack(Limit limit) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(limit))
                    .updateExpression("SET tat = tat - :interval")
                    .conditionExpression("attribute_exists(tat)")
                    .expressionAttributeValues(Map.of(":interval", n(limit.intervalMicros())))
                    .build());
        } catch (ConditionalCheckFailedException ignored) {
            // The bucket expired meanwhile: nothing to give back.
        }
    }

    private OptionalLong read(Limit limit) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder().tableName(table)
                .key(key(limit)).consistentRead(true).build()).item();
        return item == null ? OptionalLong.empty() : tat(item);
    }

    private static OptionalLong tat(Map<String, AttributeValue> item) {
        AttributeValue v = item.get("tat");
        return v == null || v.n() == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v.n()));
    }

    private static Map<String, AttributeValue> key(Limit limit) {
        return Map.of("bucketKey", AttributeValue.fromS(limit.bucketKey()));
    }

    private static AttributeValue n(long v) { return AttributeValue.fromN(Long.toString(v)); }

    private static Map<String, AttributeValue> merge(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        Map<String, AttributeValue> m = new java.util.HashMap<>(a);
        m.putAll(b);
        return m;
    }

    static long micros(Instant i) { return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000; }
}
