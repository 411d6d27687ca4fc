package io.edgemesh.firewall.detect;

/**
 * One thing a detector found: a category such as {@code prompt_injection}, {@code jailbreak},
 * {@code pii.email} or {@code moderation.hate}, a score in [0,1], a human reason, and whether it
 * is enough on its own to block the message.
 */
public record Finding(String category, double score, String reason, boolean blocking) { }
