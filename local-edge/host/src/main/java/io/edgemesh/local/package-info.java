/**
 * The local host: one HTTP port in front of every function, event-source pollers, S3 notifications, the demo tenant.
 */
package io.edgemesh.local;
