/**
 * One Lucene index per tenant, versioned: each version is a complete, immutable set of segment files in
 * S3 under {@code tenants/{tenant}/index/{versionId}/} with a checksummed manifest written last, and the
 * tenant's current version is a DynamoDB item advanced only by a conditional write naming the previous
 * version. A writer that crashes before that write leaves the previous version serving; two writers
 * cannot both win. Readers download a version once, verify it against its manifest, and keep it open in
 * an LRU cache keyed by version. Chunks carry a BM25 text field analysed in the document's language and
 * an HNSW vector field of unit-length embeddings.
 */
package io.edgemesh.tinyml.index;
