package io.edgemesh.local.internal;

import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.Logger;
import io.edgemesh.routes.NotificationDef;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * S3 object-created notifications for S3Proxy, which has none: the bucket is listed every
 * {@code interval}, and each object version (key, ETag, size, last-modified) whose key matches a
 * {@link NotificationDef} is announced once to each of its queues as the {@code S3Event} JSON S3
 * sends. A (queue, version) pair is recorded in {@link SeenObjects} only after its message was
 * accepted, so a failed send is retried on the next scan without repeating the queues that got it.
 * Listing is cheap at local scale (one request per 1000 objects per scan).
 */
public final class S3Notifications implements AutoCloseable {
    private static final Logger LOG = Log.get(S3Notifications.class);

    /** One notification configuration with its physical names. */
    public record Target(NotificationDef def, String bucket, List<QueueTarget> queues) {
        public Target {
            queues = List.copyOf(queues);
        }
    }

    public record QueueTarget(String name, String url) { }

    private final List<Target> targets;
    private final S3Client s3;
    private final SqsClient sqs;
    private final SeenObjects seen;
    private final Duration interval;
    private final String region;
    private final AtomicLong sequencer = new AtomicLong(System.currentTimeMillis() * 1_000_000L);
    private final AtomicLong delivered = new AtomicLong();
    private volatile boolean running;
    private volatile Thread thread;

    public S3Notifications(List<Target> targets, S3Client s3, SqsClient sqs, SeenObjects seen, Duration interval,
                           String region) {
        this.targets = List.copyOf(targets);
        this.s3 = s3;
        this.sqs = sqs;
        this.seen = seen;
        this.interval = interval;
        this.region = region;
    }

    public synchronized void start() {
        if (running) return;
        running = true;
        thread = Thread.ofVirtual().name("s3-notifications").start(this::loop);
    }

    public long delivered() { return delivered.get(); }

    private void loop() {
        while (running) {
            try {
                scanOnce();
            } catch (RuntimeException e) {
                if (!running) break;
                LOG.warn("scanning for new objects failed; retrying", "problem", e.toString());
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    /** One pass over every configured bucket; returns how many notifications it sent. */
    public int scanOnce() {
        int sent = 0;
        for (Target t : targets) {
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(t.bucket())
                    .prefix(staticPrefix(t.def().keyPattern())).build();
            for (S3Object o : s3.listObjectsV2Paginator(request).contents()) {
                if (!running && thread != null) return sent;
                if (!t.def().matches(o.key())) continue;
                S3EventJson.CreatedObject created = new S3EventJson.CreatedObject(t.bucket(), o.key(),
                        o.size() == null ? 0 : o.size(), o.eTag(), o.lastModified());
                String version = t.bucket() + "\t" + URLEncoder.encode(o.key(), StandardCharsets.UTF_8) + "\t"
                        + S3EventJson.stripQuotes(o.eTag()) + "\t" + created.size() + "\t" + o.lastModified().toEpochMilli();
                String body = null;
                for (QueueTarget q : t.queues()) {
                    String entry = q.name() + "\t" + version;
                    if (seen.contains(entry)) continue;
                    if (body == null) {
                        body = S3EventJson.objectCreated(created, region, t.def().bucket() + "-object-created",
                                String.format("%016X", sequencer.incrementAndGet()), UUID.randomUUID().toString());
                    }
                    String message = body;
                    sqs.sendMessage(b -> b.queueUrl(q.url()).messageBody(message));
                    try {
                        seen.record(entry);
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot record a delivered notification: " + e, e);
                    }
                    delivered.incrementAndGet();
                    sent++;
                }
            }
        }
        return sent;
    }

    /** The literal part of a key pattern before its first wildcard: what ListObjectsV2 can filter on. */
    static String staticPrefix(String keyPattern) {
        int star = keyPattern.indexOf('*');
        return star < 0 ? keyPattern : keyPattern.substring(0, star);
    }

    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
