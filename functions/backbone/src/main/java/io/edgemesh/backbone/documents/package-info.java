/**
 * A tenant's documents as the tenant sees them: one row per document in the {@code documents} table
 * (written by the uploads API, advanced by the scanners and the indexer), listed and read with each
 * scanner's verdict and reasons, and deleted together with its objects and, through a
 * {@code DocumentDeleted} event, its index chunks. Every read is scoped by the tenant id in the
 * partition key, so another tenant's document is simply not found.
 */
package io.edgemesh.backbone.documents;
