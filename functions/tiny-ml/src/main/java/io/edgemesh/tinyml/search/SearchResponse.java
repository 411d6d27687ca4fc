package io.edgemesh.tinyml.search;

import java.util.List;

/** {@code {"results":[...]}}, best first; empty when the tenant has no index yet. */
public record SearchResponse(List<SearchResult> results) {
    public SearchResponse {
        results = List.copyOf(results);
    }
}
