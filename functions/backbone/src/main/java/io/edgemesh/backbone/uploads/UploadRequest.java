package io.edgemesh.backbone.uploads;

/**
 * What a tenant declares before uploading. Nothing is trusted yet: {@link UploadService} checks it
 * against the tenant's limits and policy, and the presigned URL makes S3 enforce type and length.
 */
public record UploadRequest(String filename, String contentType, long size) { }
