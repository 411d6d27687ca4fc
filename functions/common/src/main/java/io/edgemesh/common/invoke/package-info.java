/**
 * Signed invocations between layers. A caller uses a {@link io.edgemesh.common.invoke.LayerClient}
 * ({@link io.edgemesh.common.invoke.LambdaLayerClient}: sign, Lambda {@code Invoke}, parse); a target
 * extends {@link io.edgemesh.common.invoke.EnvelopeHandler}, which verifies the envelope before its
 * {@code handle} sees the verified {@link io.edgemesh.common.invoke.Invocation}, and answers with a body
 * or a {@link io.edgemesh.common.invoke.Response}; the caller gets an
 * {@link io.edgemesh.common.invoke.InvocationResult}. Layer 1 forwards public routes with an
 * {@link io.edgemesh.common.invoke.HttpForward} body. {@link io.edgemesh.common.invoke.Envelopes} builds
 * keys, signer, verifier and replay guard from the function's configuration. The envelope itself
 * (canonical form, signatures, replay guard) lives in {@code shared-envelope}.
 */
package io.edgemesh.common.invoke;
