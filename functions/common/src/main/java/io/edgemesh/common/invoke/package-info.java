/**
 * Signed invocations between layers: the caller's {@link io.edgemesh.common.invoke.LayerClient},
 * the verified {@link io.edgemesh.common.invoke.Invocation} a target receives, the
 * {@link io.edgemesh.common.invoke.HttpForward} body that the Layer 1 ingress sends for public routes,
 * and the {@link io.edgemesh.common.invoke.InvocationResult} that comes back. The envelope itself
 * (canonical form, signatures, replay guard) lives in {@code shared-envelope}; this package wires it
 * to Lambda's invoke API.
 */
package io.edgemesh.common.invoke;
