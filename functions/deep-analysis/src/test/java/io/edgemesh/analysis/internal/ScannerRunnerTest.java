package io.edgemesh.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.analysis.scan.ScanInput;
import io.edgemesh.analysis.scan.ScanResult;
import io.edgemesh.analysis.scan.Scanner;
import io.edgemesh.analysis.scan.ScannerPolicy;
import io.edgemesh.analysis.scan.Verdict;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ScannerRunnerTest {

    private static Scanner scanner(Function<ScanInput, ScanResult> f) {
        return new Scanner() {
            @Override
            public String name() {
                return "probe";
            }

            @Override
            public ScanResult scan(ScanInput in) {
                return f.apply(in);
            }
        };
    }

    private final ScanInput in = ScanInput.of("acme", "doc-1", "application/pdf", new byte[] {1}, ScannerPolicy.defaults());

    @Test
    void aScannerThatDoesNotFinishInTimeIsAnError() {
        ScanResult r = new ScannerRunner(Duration.ofMillis(200)).run(scanner(i -> {
            long end = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) Thread.onSpinWait();
            return ScanResult.of("probe", java.util.List.of());
        }), in);
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.error()).contains("did not finish");
    }

    @Test
    void whateverAScannerThrowsIsAnErrorNotACrash() {
        ScanResult oom = new ScannerRunner(Duration.ofSeconds(5)).run(scanner(i -> {
            throw new OutOfMemoryError("simulated");
        }), in);
        ScanResult soe = new ScannerRunner(Duration.ofSeconds(5)).run(scanner(i -> recurse(0)), in);
        assertThat(oom.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(oom.error()).contains("OutOfMemoryError");
        assertThat(soe.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(soe.error()).contains("StackOverflowError");
    }

    @Test
    void aResultIsPassedThrough() {
        ScanResult r = new ScannerRunner(Duration.ofSeconds(5)).run(scanner(i -> ScanResult.of("probe", java.util.List.of())), in);
        assertThat(r.verdict()).isEqualTo(Verdict.CLEAN);
    }

    private static ScanResult recurse(int n) {
        return recurse(n + 1);
    }
}
