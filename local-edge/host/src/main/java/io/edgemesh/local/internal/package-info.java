/**
 * How the local edge works inside: the function-URL event mapping, Lambda's invoke API, handler
 * invocation with Lambda's context, timeouts and error documents, the SQS pollers that behave like
 * event source mappings, the S3 notification scanner, health, the demo page and local secrets.
 * Nothing here is API; it changes with the host.
 */
package io.edgemesh.local.internal;
