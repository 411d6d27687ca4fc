/**
 * Layer 4: extraction, chunking, embeddings, per-tenant hybrid index and search.
 */
package io.edgemesh.tinyml;
