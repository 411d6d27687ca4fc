package io.edgemesh.tinyml.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.ApiException;
import java.util.Iterator;
import java.util.Set;

/**
 * A validated search: {@code query} 1..1000 characters (after trimming), {@code k} 1..50 (default 5),
 * {@code mode} bm25|vector|hybrid (default hybrid).
 */
public record SearchRequest(String query, int k, SearchMode mode) {
    public static final int MAX_QUERY_CHARS = 1000;
    public static final int MAX_K = 50;
    public static final int DEFAULT_K = 5;
    private static final Set<String> FIELDS = Set.of("query", "k", "mode");

    public SearchRequest {
        if (query == null || query.isBlank()) throw ApiException.invalid("query is required: a non-empty string");
        query = query.strip();
        if (query.codePointCount(0, query.length()) > MAX_QUERY_CHARS) {
            throw ApiException.invalid("query has more than " + MAX_QUERY_CHARS + " characters");
        }
        if (k < 1 || k > MAX_K) throw ApiException.invalid("k must be an integer from 1 to " + MAX_K);
        if (mode == null) mode = SearchMode.HYBRID;
    }

    /** Reads {@code {"query","k"?,"mode"?}}; anything else is a 400 {@code invalid_request} naming the field. */
    public static SearchRequest fromJson(JsonNode body) {
        if (body == null || !body.isObject()) throw ApiException.invalid("the body must be a JSON object {\"query\",\"k\",\"mode\"}");
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) throw ApiException.invalid("unknown field '" + abbreviate(f) + "'; allowed: query, k, mode");
        }
        JsonNode q = body.get("query");
        if (q == null || !q.isTextual()) throw ApiException.invalid("query is required: a non-empty string");
        JsonNode kNode = body.get("k");
        int k = DEFAULT_K;
        if (kNode != null && !kNode.isNull()) {
            if (!kNode.isIntegralNumber() || !kNode.canConvertToInt()) throw ApiException.invalid("k must be an integer from 1 to " + MAX_K);
            k = kNode.intValue();
        }
        JsonNode m = body.get("mode");
        SearchMode mode = SearchMode.HYBRID;
        if (m != null && !m.isNull()) {
            if (!m.isTextual()) throw ApiException.invalid("mode must be one of bm25, vector, hybrid");
            mode = SearchMode.parse(m.textValue()).orElseThrow(() -> ApiException.invalid("mode must be one of bm25, vector, hybrid"));
        }
        return new SearchRequest(q.textValue(), k, mode);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
