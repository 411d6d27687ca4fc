/**
 * The indexing pipeline of one tenant's change: fetch the scanned document (only if tagged CLEAN and
 * unchanged since the scan), extract, chunk, embed, write the next index version from the previous one,
 * upload it, commit the version pointer, then mark the document ready and tell readiness. Every step
 * before the commit is invisible to searches, and every step after it is idempotent, so a crash
 * anywhere is repaired by the queue's retry and a redelivered event changes nothing.
 */
package io.edgemesh.tinyml.indexing;
