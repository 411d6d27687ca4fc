package io.edgemesh.local.bench;

import io.edgemesh.emulators.Emulators;
import io.edgemesh.local.FunctionFactory;
import io.edgemesh.local.LocalEdge;
import io.edgemesh.local.LocalEdgeConfig;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Delay of the emulated S3 notifications: from a PUT returning to its S3Event being receivable on a
 * scanner queue (the receive long-polls, so the message is seen as soon as it is sent). The
 * default scan interval (250 ms) bounds the wait; the listing adds the rest.
 *
 * <p>Run: {@code java -cp <test class path> io.edgemesh.local.bench.NotificationLatencyBench [samples] [intervalMillis]}
 */
public final class NotificationLatencyBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        long interval = args.length > 1 ? Long.parseLong(args[1]) : LocalEdgeConfig.DEFAULT_S3_SCAN.toMillis();
        Emulators emulators = Emulators.shared();
        try (LocalEdge edge = LocalEdge.start(LocalEdgeConfig.inMemory().withEmulators(emulators).withPrefix("bench-s3")
                .withDemoTenant(false).withS3ScanInterval(Duration.ofMillis(interval))
                .withFunctions(FunctionFactory.of(Map.of())))) {
            String bucket = edge.provisioned().bucket("uploads");
            String queue = edge.provisioned().queueUrl("scan-type");
            long[] samples = new long[n];
            for (int i = 0; i < n + 5; i++) {
                String key = "tenants/bench/incoming/doc-" + i + ".pdf";
                emulators.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("%PDF-1.4 " + i));
                long put = System.nanoTime();
                while (true) {
                    var got = emulators.sqs().receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(5)).messages();
                    if (!got.isEmpty()) {
                        long seen = System.nanoTime();
                        got.forEach(m -> emulators.sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle())));
                        if (i >= 5) samples[i - 5] = seen - put; // the first five warm up
                        break;
                    }
                }
                Thread.sleep((long) (Math.random() * interval)); // PUTs land at random points of the scan cycle
            }
            System.out.println("scan interval " + interval + " ms, PUT -> S3Event on the queue: " + Percentiles.of(samples));
        }
        System.exit(0);
    }
}
