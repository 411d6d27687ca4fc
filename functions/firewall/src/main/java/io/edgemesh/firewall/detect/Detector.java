package io.edgemesh.firewall.detect;

import java.util.List;

/** Inspects normalised text; stateless and thread-safe. */
public interface Detector {
    List<Finding> inspect(NormalizedText text);
}
