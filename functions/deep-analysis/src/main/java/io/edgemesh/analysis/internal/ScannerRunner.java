package io.edgemesh.analysis.internal;

import io.edgemesh.analysis.scan.ScanInput;
import io.edgemesh.analysis.scan.ScanResult;
import io.edgemesh.analysis.scan.Scanner;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a scanner on its own thread with a deadline and a large stack. A hostile PDF can make a
 * parser loop or recurse; the deadline (shorter than the function's timeout) turns that into an
 * ERROR verdict the queue retries, so the document still ends in a final state instead of the
 * function timing out silently. Anything the scanner throws, errors included, is an ERROR too.
 */
public final class ScannerRunner {
    private static final long STACK_BYTES = 8L << 20;

    private final Duration deadline;

    public ScannerRunner(Duration deadline) {
        this.deadline = deadline;
    }

    public ScanResult run(Scanner scanner, ScanInput in) {
        AtomicReference<ScanResult> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(scanner.scan(in));
            } catch (Throwable e) { // a scanner must never take the function down, whatever it hits
                failure.set(e);
            }
        }, "scan-" + scanner.name() + "-" + in.documentId(), STACK_BYTES);
        t.setDaemon(true);
        t.start();
        try {
            t.join(deadline.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ScanResult.error(scanner.name(), "interrupted while scanning");
        }
        if (t.isAlive()) {
            // PDFBox does not check interruption; the thread is left to finish, its result discarded
            t.interrupt();
            return ScanResult.error(scanner.name(), "the scan did not finish within " + deadline.toSeconds() + " s");
        }
        if (failure.get() != null) {
            Throwable e = failure.get();
            return ScanResult.error(scanner.name(), "the scanner failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + SafePdf.brief(e)));
        }
        return result.get();
    }
}
