/**
 * The contracts for everything that crosses a queue: one record per message type (for example
 * {@link io.edgemesh.events.DocumentClean}), each carried as a CloudEvents 1.0 JSON event whose
 * {@code type} is {@code io.edgemesh.<name>.v1}, {@code source} the sending layer and {@code subject}
 * {@code <tenant>/<document>}. {@link io.edgemesh.events.EventType} is the registry of types,
 * {@link io.edgemesh.events.EdgeMeshEvents} writes and parses them, and each type has a JSON Schema
 * under {@code schemas/<type>.json}. Versions only grow: a {@code v1} record may gain optional fields,
 * a breaking change becomes a new {@code v2} type.
 */
package io.edgemesh.events;
