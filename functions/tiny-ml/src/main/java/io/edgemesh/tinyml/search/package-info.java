/**
 * Retrieval over a tenant's current index: BM25, vector (kNN over MiniLM embeddings) or hybrid, which
 * fuses the two rankings by reciprocal rank so that a passage found by either the words or the meaning
 * of a question ranks high, without calibrating two incomparable score scales. Requests are validated
 * here, so every caller (the public route, Layer 6, the evaluation) gets the same 400s.
 */
package io.edgemesh.tinyml.search;
