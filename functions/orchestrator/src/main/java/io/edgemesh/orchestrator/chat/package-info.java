/**
 * One chat turn of Layer 6: readiness gate, session, intent, retrieval through the trust-gated tools,
 * the relevance gate that chooses abstention over guessing, grounded generation, and citations.
 * Collaborators (search, generation, tenants, sessions) are interfaces implemented over signed
 * invocations and DynamoDB in {@code internal}.
 */
package io.edgemesh.orchestrator.chat;
