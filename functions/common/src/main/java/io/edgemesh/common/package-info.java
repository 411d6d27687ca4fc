/**
 * What every EdgeMesh handler shares: the error model ({@link io.edgemesh.common.ApiException},
 * {@link io.edgemesh.common.ErrorCodes}), structured JSON logging with tenant, request and trace ids
 * on every line, CloudWatch embedded-metric-format metrics with a tenant dimension, the one place
 * where environment variables are read, and AWS SDK clients built with endpoint overrides so the
 * same code runs against AWS and against the embedded servers. Nothing here knows a layer.
 */
package io.edgemesh.common;
