/**
 * Starts DynamoDB Local, ElasticMQ (SQS API) and S3Proxy on loopback, each in its own child JVM so
 * their conflicting libraries never meet, and provisions every table, queue and bucket declared in
 * {@code io.edgemesh.routes.EdgeMeshResources} under a prefix. {@link io.edgemesh.emulators.Emulators}
 * is the entry point: the local edge host uses {@code start(...)} with a data folder, every
 * integration test uses the per-JVM {@code shared()} instance, and both talk to the servers only
 * through real AWS SDK v2 clients.
 */
package io.edgemesh.emulators;
