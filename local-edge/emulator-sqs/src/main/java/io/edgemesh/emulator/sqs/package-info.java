/**
 * Child-JVM launcher for ElasticMQ (SQS API).
 */
package io.edgemesh.emulator.sqs;
