/**
 * Offline evaluation and benchmark harnesses (mains, run by hand; figures go to BENCHMARKS.md). They use
 * the product's own chunker, embedder, index and search classes, never copies of them.
 */
package io.edgemesh.tinyml.eval;
