/**
 * How signed invocations look on the Lambda wire: the JSON payload codec shared by
 * {@link io.edgemesh.common.invoke.LambdaLayerClient} and {@link io.edgemesh.common.invoke.EnvelopeHandler}.
 * Not for use outside the invoke package; the local edge passes payload bytes through untouched.
 */
package io.edgemesh.common.invoke.internal;
