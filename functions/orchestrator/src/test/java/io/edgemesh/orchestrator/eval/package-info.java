/**
 * Offline evaluations of Layer 6 through the product's own classes: the CLAPNQ abstention evaluation
 * indexes the corpus with Layer 4's chunker, embedder and index, answers each question through
 * {@code ChatService} with Layer 5's router and extractive provider in-process, and reports how often
 * it answers answerable questions (citing the gold passage) and abstains on unanswerable ones; the warm
 * chat load harness drives a running local edge at fixed arrival rates. Classes named {@code *Evaluation}
 * are not in the default test run (run them with {@code -Dtest=...}); harnesses have a {@code main}.
 */
package io.edgemesh.orchestrator.eval;
