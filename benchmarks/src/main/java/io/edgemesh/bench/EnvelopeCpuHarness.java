package io.edgemesh.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Companion to {@link EnvelopeBenchmark} for a shared machine: runs the same operations on one
 * thread and divides by the thread's CPU time rather than wall time, so other processes competing
 * for the cores do not lower the figure. It reports operations per CPU-second of one core, which is
 * what "per core" means in the goal. JMH's wall-clock figures stay the reference on a quiet machine.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.edgemesh.bench.EnvelopeCpuHarness [seconds]}
 */
public final class EnvelopeCpuHarness {
    private EnvelopeCpuHarness() { }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        EnvelopeBenchmark b = new EnvelopeBenchmark();
        b.setUp();
        Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
        ops.put("hmacSignVerify", b::hmacSignVerify);
        ops.put("hmacSign", b::hmacSign);
        ops.put("hmacVerify", b::hmacVerify);
        ops.put("hmacSealedSignVerify", b::hmacSealedSignVerify);
        ops.put("ed25519BouncyCastleSignVerify", b::ed25519BouncyCastleSignVerify);
        ops.put("ed25519JdkSignVerify", b::ed25519JdkSignVerify);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "%-32s %16s %14s%n", "operation", "ops/cpu-second", "us/op (cpu)");
        for (var e : ops.entrySet()) {
            run(e.getValue(), mx, seconds / 2); // warm-up: JIT and caches
            double[] r = run(e.getValue(), mx, seconds);
            System.out.printf(Locale.ROOT, "%-32s %16.0f %14.2f%n", e.getKey(), r[0], r[1]);
        }
    }

    /** @return {ops per CPU second, CPU microseconds per op} */
    private static double[] run(Supplier<Object> op, ThreadMXBean mx, double seconds) {
        long cpuBudget = (long) (seconds * 1e9);
        long cpuStart = mx.getCurrentThreadCpuTime();
        long ops = 0;
        Object sink = null;
        while (mx.getCurrentThreadCpuTime() - cpuStart < cpuBudget) {
            for (int i = 0; i < 64; i++) sink = op.get();
            ops += 64;
        }
        long cpu = mx.getCurrentThreadCpuTime() - cpuStart;
        if (sink == null) throw new IllegalStateException("no result");
        return new double[] {ops / (cpu / 1e9), cpu / 1e3 / ops};
    }
}
