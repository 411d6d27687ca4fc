package io.edgemesh.orchestrator.chat;

/**
 * A visitor's message as Layer 1 forwards it, after the firewall: {@code message} is the redacted text
 * (never the original), {@code trustLevel} comes from the verified session token.
 */
public record ChatRequest(String tenantId, String sessionId, String message, String locale, int trustLevel) { }
