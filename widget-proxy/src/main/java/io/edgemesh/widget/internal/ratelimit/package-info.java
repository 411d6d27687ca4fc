/**
 * Rate limits as token buckets: the arithmetic ({@link io.edgemesh.widget.internal.ratelimit.TokenBucket},
 * GCRA form, one number per bucket) and the DynamoDB store that applies it with conditional updates,
 * exact under concurrent Lambda instances. Bucket keys start with the tenant id.
 */
package io.edgemesh.widget.internal.ratelimit;
