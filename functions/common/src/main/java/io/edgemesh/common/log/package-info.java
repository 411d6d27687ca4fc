/**
 * Structured JSON logging without a framework: {@link io.edgemesh.common.log.Log#get(Class)} gives a
 * {@link io.edgemesh.common.log.Logger} that writes one JSON object per line to stdout, and
 * {@link io.edgemesh.common.log.LogContext} carries the function name, tenant, request and trace ids
 * per thread so that every line names the tenant without domain code passing ids around.
 */
package io.edgemesh.common.log;
