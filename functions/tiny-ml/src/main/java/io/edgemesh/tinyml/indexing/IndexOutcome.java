package io.edgemesh.tinyml.indexing;

/**
 * What handling one event did.
 *
 * @param action  {@code indexed}, {@code already_indexed}, {@code removed}, {@code not_indexed},
 *                {@code failed} (the document cannot be indexed) or {@code gone}
 * @param version the tenant's index version after the event (0 when it has none)
 */
public record IndexOutcome(String action, long version, int chunks) { }
