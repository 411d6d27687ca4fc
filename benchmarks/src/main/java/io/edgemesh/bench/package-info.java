/**
 * JMH benchmarks and bench harnesses; figures go to BENCHMARKS.md.
 */
package io.edgemesh.bench;
