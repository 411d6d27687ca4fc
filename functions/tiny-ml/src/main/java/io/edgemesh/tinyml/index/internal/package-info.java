/**
 * AWS-backed and file-system implementations behind the index API: the DynamoDB version store, the S3
 * file store with its manifest, and local-directory helpers (checksums, linking, cleanup).
 */
package io.edgemesh.tinyml.index.internal;
