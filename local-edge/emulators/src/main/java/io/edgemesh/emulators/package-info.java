/**
 * Starts the embedded AWS-compatible servers (each in its own child JVM) and provisions the shared resource definitions: used by the local host and by every integration test.
 */
package io.edgemesh.emulators;
