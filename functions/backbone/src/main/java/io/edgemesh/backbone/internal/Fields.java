package io.edgemesh.backbone.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.ApiException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Strict readers for request bodies. Every complaint names the field and what was expected, because
 * a caller fixing a 400 should not have to guess; unknown fields are refused rather than ignored, so
 * a typo in a PATCH ({@code "allowedOrigin"}) never looks like a successful change.
 */
public final class Fields {
    private Fields() { }

    /** The body as an object; null or another JSON type is a 400. */
    public static JsonNode object(JsonNode body, String what) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ApiException.invalid(what + " is required: send a JSON object");
        }
        if (!body.isObject()) throw ApiException.invalid(what + " must be a JSON object");
        return body;
    }

    public static void onlyKnown(JsonNode obj, String where, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) unknown.add(f);
        }
        if (!unknown.isEmpty()) {
            throw ApiException.invalid(where + " has unknown field(s) " + String.join(", ", unknown.stream().map(Fields::shown).toList())
                    + "; allowed: " + known.stream().sorted().toList());
        }
    }

    public static String requiredString(JsonNode obj, String field) {
        return optionalString(obj, field).orElseThrow(() -> ApiException.invalid(field + " is required (a string)"));
    }

    public static Optional<String> optionalString(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) return Optional.empty();
        if (!n.isTextual()) throw ApiException.invalid(field + " must be a string");
        return Optional.of(n.textValue());
    }

    public static long requiredLong(JsonNode obj, String field) {
        return optionalLong(obj, field).orElseThrow(() -> ApiException.invalid(field + " is required (an integer)"));
    }

    public static Optional<Long> optionalLong(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) return Optional.empty();
        if (!n.isIntegralNumber() || !n.canConvertToLong()) throw ApiException.invalid(field + " must be an integer");
        return Optional.of(n.longValue());
    }

    public static Optional<List<String>> optionalStrings(JsonNode obj, String field, int max) {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) return Optional.empty();
        if (!n.isArray()) throw ApiException.invalid(field + " must be an array of strings");
        if (n.size() > max) throw ApiException.invalid(field + " has " + n.size() + " entries; at most " + max + " are allowed");
        List<String> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (!e.isTextual()) throw ApiException.invalid(field + "[" + i + "] must be a string");
            out.add(e.textValue());
        }
        return Optional.of(out);
    }

    public static Optional<JsonNode> optionalObject(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) return Optional.empty();
        if (!n.isObject()) throw ApiException.invalid(field + " must be a JSON object");
        return Optional.of(n);
    }

    /** A value quoted for an error message, cut short and stripped of control characters. */
    public static String shown(Object value) {
        String s = String.valueOf(value);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 80; i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return "'" + sb + (s.length() > 80 ? "...'" : "'");
    }
}
