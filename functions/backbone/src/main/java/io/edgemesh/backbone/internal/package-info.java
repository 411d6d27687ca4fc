/**
 * Small helpers shared by the backbone's domain packages and never meant for other modules:
 * unbiased random base62 identifiers, SHA-256 and constant-time comparison, strict readers for
 * hostile JSON bodies that name the offending field, and DynamoDB attribute conversions. Callers
 * outside this module use the public packages instead.
 */
package io.edgemesh.backbone.internal;
