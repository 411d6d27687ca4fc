/**
 * JMH benchmarks of Layer 5's own cost: {@code ProviderRouter.answer} with the shipped default policy and
 * an in-memory budget ledger, around a provider that answers at once (the router's overhead alone) and
 * around the extractive provider on a four-passage request (a whole local answer). Build with
 * {@code ./mvnw -B -q -o -pl functions/tiny-llm test-compile} and run {@code org.openjdk.jmh.Main} on the
 * test classpath; figures go to BENCHMARKS.md.
 */
package io.edgemesh.llm.bench;
