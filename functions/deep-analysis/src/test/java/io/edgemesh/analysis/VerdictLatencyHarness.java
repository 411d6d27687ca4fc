package io.edgemesh.analysis;

import io.edgemesh.analysis.scan.TestPdfs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Time from PUT to final verdict on the embedded servers, for text PDFs with one picture per page
 * (the throughput benchmark's documents): the object is PUT, the notification goes
 * to the four scanner queues, the four handlers consume in parallel (as four event source mappings
 * would), and the time is read from the row's {@code decidedAt} minus the moment before the PUT.
 * Lambda cold starts and real S3 notification delay are not included. Reports, never asserts.
 * Run: {@code java -cp <test classpath> io.edgemesh.analysis.VerdictLatencyHarness [runs]}.
 */
public final class VerdictLatencyHarness {
    private VerdictLatencyHarness() { }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        ScannerHarness h = new ScannerHarness("bench-latency", Map.of());
        List<String> lines = List.of("The quarterly report shows revenue growth in every region.",
                "Support costs fell while the onboarding guide explains account settings.");
        System.out.println("| pages | PDF size | runs | median ms | min-max ms |");
        System.out.println("|---|---|---|---|---|");
        for (int pages : new int[] {20, 100}) {
            byte[] pdf = TestPdfs.build(pages, lines, io.edgemesh.analysis.bench.ScannerThroughput::illustrate);
            List<Long> ms = new ArrayList<>();
            for (int i = -1; i < runs; i++) {
                String doc = "lat-" + pages + "-" + (i + 1);
                Instant t0 = Instant.now();
                h.upload("bench", doc, pdf);
                h.drain();
                String decided = h.attr("bench", doc, "decidedAt").orElseThrow();
                if (!"indexing".equals(h.status("bench", doc))) throw new IllegalStateException("not clean: " + h.row("bench", doc));
                if (i >= 0) ms.add(Instant.parse(decided).toEpochMilli() - t0.toEpochMilli());
            }
            long[] a = ms.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("| %d | %d KB | %d | %d | %d-%d |%n", pages, pdf.length / 1024, runs, a[a.length / 2], a[0], a[a.length - 1]);
            System.out.println("  (" + Arrays.toString(a) + ")");
        }
        System.exit(0);
    }
}
