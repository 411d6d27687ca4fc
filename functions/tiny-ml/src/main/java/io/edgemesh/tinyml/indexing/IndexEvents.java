package io.edgemesh.tinyml.indexing;

import io.edgemesh.events.DocumentIndexed;
import io.edgemesh.events.DocumentRemoved;

/** Tells readiness what changed; sends are deduplicated per (document, version), so repeating one is safe. */
public interface IndexEvents {
    void indexed(DocumentIndexed event);

    void removed(DocumentRemoved event);
}
