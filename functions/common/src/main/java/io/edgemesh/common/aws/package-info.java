/**
 * AWS SDK v2 clients for handlers: {@link io.edgemesh.common.aws.AwsClients} builds DynamoDB
 * (plain and Enhanced), SQS, S3 and its presigner, Lambda and Secrets Manager lazily from a
 * {@link io.edgemesh.common.FunctionConfig}, on the URL-connection HTTP client (small and quick to
 * start), with the endpoint overrides that point the same code at the embedded servers locally.
 */
package io.edgemesh.common.aws;
