package io.edgemesh.analysis.internal;

/**
 * One object-created notification: bucket, key (already URL-decoded), size and ETag as S3
 * reported them (size -1 and ETag null when the notification had none).
 */
public record ObjectCreated(String eventName, String bucket, String key, long size, String eTag) { }
