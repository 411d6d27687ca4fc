package io.edgemesh.local.bench;

import java.util.Arrays;
import java.util.Locale;

/** Nanosecond samples summarised as p50/p90/p99 in milliseconds. */
record Percentiles(double p50, double p90, double p99, int n) {
    static Percentiles of(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return new Percentiles(at(s, 0.50), at(s, 0.90), at(s, 0.99), s.length);
    }

    private static double at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "p50 %.3f ms, p90 %.3f ms, p99 %.3f ms (n=%d)", p50, p90, p99, n);
    }
}
