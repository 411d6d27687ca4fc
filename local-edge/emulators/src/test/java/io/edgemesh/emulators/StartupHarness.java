package io.edgemesh.emulators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures start-to-ready, first provision and close of the emulators (for BENCHMARKS.md; never a
 * test). Run: {@code java -cp <test classpath> io.edgemesh.emulators.StartupHarness [runs] [memory|data]}.
 */
public final class StartupHarness {

    private StartupHarness() { }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        boolean persistent = args.length > 1 && args[1].equals("data");
        List<Long> ready = new ArrayList<>();
        List<Long> provision = new ArrayList<>();
        List<Long> close = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path dir = persistent ? Files.createTempDirectory("edgemesh-bench") : null;
            long t0 = System.nanoTime();
            Emulators emulators = Emulators.start(dir == null ? EmulatorOptions.inMemory() : EmulatorOptions.persistent(dir));
            long t1 = System.nanoTime();
            emulators.provision("edgemesh");
            long t2 = System.nanoTime();
            emulators.close();
            long t3 = System.nanoTime();
            ready.add((t1 - t0) / 1_000_000);
            provision.add((t2 - t1) / 1_000_000);
            close.add((t3 - t2) / 1_000_000);
            System.out.printf("run %d: ready %d ms, provision %d ms, close %d ms%n", i + 1,
                    ready.get(i), provision.get(i), close.get(i));
        }
        System.out.printf("%s, %d runs: ready median %d ms (min %d, max %d); provision median %d ms; close median %d ms%n",
                persistent ? "data folder" : "in memory", runs, median(ready), Collections.min(ready),
                Collections.max(ready), median(provision), median(close));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
