/**
 * Tiny handlers and helpers for the local edge's integration tests: a recording queue consumer, an
 * echoing ingress, an envelope-verified echo target, and polling for asynchronous outcomes.
 */
package io.edgemesh.local.support;
