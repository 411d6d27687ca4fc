/**
 * Implementations behind the router's interfaces that touch AWS: the DynamoDB usage ledger.
 */
package io.edgemesh.llm.internal;
