/**
 * The local edge: the whole mesh on one port of this machine, on the embedded AWS-compatible servers.
 * {@link io.edgemesh.local.LocalEdgeMain} is {@code ./edgemesh dev}; {@link io.edgemesh.local.LocalEdge}
 * starts the servers, loads every built function, serves function-URL events to the ingress and
 * Lambda's invoke API to the layers, runs the SQS event sources and the S3 notifications, and answers
 * {@code /health} and {@code /demo}; {@link io.edgemesh.local.TenantCli} is {@code ./edgemesh tenant}.
 */
package io.edgemesh.local;
