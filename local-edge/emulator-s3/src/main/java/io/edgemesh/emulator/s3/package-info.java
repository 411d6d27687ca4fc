/**
 * Child-JVM launcher for S3Proxy.
 */
package io.edgemesh.emulator.s3;
