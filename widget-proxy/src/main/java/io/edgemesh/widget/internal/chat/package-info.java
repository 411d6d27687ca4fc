/**
 * The chat path of Layer 1: request validation, short-lived session tokens (HS256 JWTs bound to
 * tenant, origin and session, carrying the trust level), per-session, per-address and per-tenant
 * rate limits, then the signed calls to the firewall and the orchestrator. Plain classes with
 * injected collaborators; nothing here knows Lambda.
 */
package io.edgemesh.widget.internal.chat;
