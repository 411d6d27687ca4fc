package io.edgemesh.widget.internal.chat;

import java.time.Instant;

/**
 * What a session token vouches for.
 *
 * @param tenantId   the tenant whose publishable key opened the session
 * @param origin     the page origin the session is bound to
 * @param sessionId  the chat session
 * @param trustLevel what Layer 6 may do for this session ({@code anonymous} for widget visitors)
 * @param expiresAt  when the token stops being accepted
 */
public record SessionClaims(String tenantId, String origin, String sessionId, String trustLevel, Instant expiresAt) { }
