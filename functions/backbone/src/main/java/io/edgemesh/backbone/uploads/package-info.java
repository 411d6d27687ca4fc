/**
 * Presigned uploads: a tenant asks for a URL with the file's name, type and size; it gets an S3
 * presigned PUT bound to exactly that content type and length, valid for five minutes, under
 * {@code tenants/{tenant}/incoming/{documentId}}, and the document row starts as
 * {@code awaiting_upload}. The object-created fan-out takes it from there (Layer 3). Names are
 * sanitised for display and never used in a key.
 */
package io.edgemesh.backbone.uploads;
