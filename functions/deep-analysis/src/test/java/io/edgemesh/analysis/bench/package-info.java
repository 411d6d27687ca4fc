/**
 * Evaluation and throughput harnesses for the scanners, run by hand (they report, never assert):
 * {@link io.edgemesh.analysis.bench.InjectionEvaluation} against the BIPIA email set in the shared
 * data folder, {@link io.edgemesh.analysis.bench.ScannerThroughput} on generated PDFs. Results go to
 * BENCHMARKS.md.
 */
package io.edgemesh.analysis.bench;
