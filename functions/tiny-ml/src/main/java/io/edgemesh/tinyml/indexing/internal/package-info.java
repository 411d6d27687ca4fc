/**
 * AWS-backed collaborators of the indexing pipeline: the uploads bucket reader (tag and checksum
 * checks), the documents table status writer and the tenant-events FIFO publisher.
 */
package io.edgemesh.tinyml.indexing.internal;
