/**
 * Offline evaluations of Layer 6 through the product's own classes: the CLAPNQ abstention evaluation
 * indexes the corpus with Layer 4's chunker, embedder and index, answers each question through
 * {@code ChatService} with Layer 5's router and extractive provider in-process, and reports how often
 * it answers answerable questions (citing the gold passage) and abstains on unanswerable ones. Classes
 * named {@code *Evaluation} are not in the default test run; run them with {@code -Dtest=...}.
 */
package io.edgemesh.orchestrator.eval;
