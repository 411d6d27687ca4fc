package io.edgemesh.tinyml.search;

import java.util.Locale;
import java.util.Optional;

/** Which retriever answers: words, meaning, or both fused. */
public enum SearchMode {
    BM25, VECTOR, HYBRID;

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    public static Optional<SearchMode> parse(String s) {
        for (SearchMode m : values()) if (m.wireName().equals(s)) return Optional.of(m);
        return Optional.empty();
    }
}
