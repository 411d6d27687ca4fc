/**
 * Layer 2, the prompt firewall: {@link io.edgemesh.firewall.FirewallHandler} answers the signed
 * {@code check} (from the Layer 1 ingress) and {@code guard} ({@code POST /v1/guard}) operations with a
 * {@link io.edgemesh.firewall.Verdict}; {@link io.edgemesh.firewall.Firewall} is the domain service
 * behind it (detectors, PII redaction, session anomaly scoring, audit of blocks), free of Lambda types.
 */
package io.edgemesh.firewall;
