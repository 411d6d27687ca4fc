/**
 * Chat sessions: redacted transcripts with a time to live, the recent turns that fit a token budget,
 * and a store with optimistic locking so two concurrent messages of one session cannot lose a turn.
 */
package io.edgemesh.orchestrator.session;
