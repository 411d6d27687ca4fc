/**
 * How the emulators run: child-process launch and readiness handshake ({@code ChildServer}), the
 * data-folder lock, AWS SDK client construction against loopback endpoints, and idempotent
 * provisioning from the shared resource catalog. Nothing here is API; it may change freely.
 */
package io.edgemesh.emulators.internal;
