/**
 * The one route table and the resource definitions of EdgeMesh, as plain data.
 * {@link io.edgemesh.routes.EdgeMeshResources} lists every DynamoDB table, SQS queue, S3 bucket,
 * Lambda function, S3 notification fan-out and public route; {@link io.edgemesh.routes.Names} turns
 * logical names into physical names and the environment variables that carry them. The CDK app
 * generates infrastructure from these records, the local edge provisions its embedded servers from
 * them, and the tests read them, so a resource is declared exactly once. This module depends on
 * nothing but the JDK.
 */
package io.edgemesh.routes;
