/**
 * Layer 6's adapters to the outside: DynamoDB sessions, tenants, documents and escalations, the SQS
 * audit sink, and the signed-invocation clients of Layers 4 and 5.
 */
package io.edgemesh.orchestrator.internal;
