/**
 * Harnesses (plain mains, not tests) for the local edge's figures in BENCHMARKS.md: the latency the
 * edge adds in front of an empty handler, and the delay of the emulated S3 notifications.
 */
package io.edgemesh.local.bench;
