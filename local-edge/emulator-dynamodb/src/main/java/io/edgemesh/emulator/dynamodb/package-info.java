/**
 * Child-JVM launcher for DynamoDB Local.
 */
package io.edgemesh.emulator.dynamodb;
