/**
 * Implementation details of the events module: the field checks that every record's compact
 * constructor runs, and the Jackson mapper configured for CloudEvents. Nothing here is API; other
 * modules use {@link io.edgemesh.events.EdgeMeshEvents} and the records at the package root.
 */
package io.edgemesh.events.internal;
