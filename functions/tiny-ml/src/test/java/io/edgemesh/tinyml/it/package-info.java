/**
 * Integration tests of Layer 4 on the embedded DynamoDB Local, ElasticMQ and S3Proxy: the indexer fed
 * through the real FIFO queue, search through signed invocations, and the Lambda package itself.
 */
package io.edgemesh.tinyml.it;
