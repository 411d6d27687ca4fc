/**
 * Detectors over a message's normalised forms: multilingual injection and jailbreak rules, the
 * MiniLM-embedding classifier trained on the project's own exemplars, and moderation rules. Each
 * returns {@link io.edgemesh.firewall.detect.Finding}s; the firewall combines them into one verdict.
 */
package io.edgemesh.firewall.detect;
