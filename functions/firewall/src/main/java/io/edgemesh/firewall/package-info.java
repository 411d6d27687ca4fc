/**
 * Layer 2: prompt firewall and policy.
 */
package io.edgemesh.firewall;
