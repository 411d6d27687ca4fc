package io.edgemesh.events.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Constructor checks shared by the event records. Events arrive from queues that other code (and,
 * for S3-driven flows, outside input) fills, so a record refuses to exist in a shape that would put
 * a slash, a {@code #} or a control character into a key built from it.
 */
public final class Checks {
    private Checks() { }

    /** Tenant ids become S3 prefixes, FIFO group ids, key prefixes ({@code <tenant>#...}) and metric dimensions. */
    public static final Pattern TENANT_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$");
    /** Document and other resource ids: one path segment, no separators. */
    public static final Pattern RESOURCE_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");
    private static final int MAX_TEXT = 2048;

    public static String tenant(String v) {
        if (v == null || !TENANT_ID.matcher(v).matches()) {
            throw new IllegalArgumentException("tenantId must match " + TENANT_ID.pattern() + ": " + shown(v));
        }
        return v;
    }

    public static String id(String field, String v) {
        if (v == null || !RESOURCE_ID.matcher(v).matches()) {
            throw new IllegalArgumentException(field + " must match " + RESOURCE_ID.pattern() + ": " + shown(v));
        }
        return v;
    }

    public static String optionalId(String field, String v) {
        return v == null ? null : id(field, v);
    }

    public static String text(String field, String v) {
        if (v == null || v.isBlank()) throw new IllegalArgumentException(field + " is required");
        return optionalText(field, v);
    }

    public static String optionalText(String field, String v) {
        if (v == null) return null;
        if (v.length() > MAX_TEXT) throw new IllegalArgumentException(field + " is longer than " + MAX_TEXT + " characters");
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) throw new IllegalArgumentException(field + " contains a control character");
        }
        return v;
    }

    /**
     * An object key must sit under the event's own tenant prefix {@code tenants/<tenantId>/} and
     * hold no {@code .}/{@code ..} segment: a consumer that reads or moves the object by this key can
     * then never touch another tenant's data, whatever the producer got wrong.
     */
    public static String tenantKey(String tenantId, String field, String key) {
        text(field, key);
        String prefix = "tenants/" + tenantId + "/";
        if (!key.startsWith(prefix) || key.length() == prefix.length()) {
            throw new IllegalArgumentException(field + " must be under " + prefix + ": " + shown(key));
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException(field + " has an empty, '.' or '..' segment: " + shown(key));
            }
        }
        return key;
    }

    public static long nonNegative(String field, long v) {
        if (v < 0) throw new IllegalArgumentException(field + " must be >= 0: " + v);
        return v;
    }

    public static <T> T required(String field, T v) {
        if (v == null) throw new IllegalArgumentException(field + " is required");
        return v;
    }

    public static List<String> texts(String field, List<String> v) {
        if (v == null) return List.of();
        for (String s : v) text(field + "[]", s);
        return List.copyOf(v);
    }

    public static Map<String, Object> map(Map<String, Object> v) {
        if (v == null) return Map.of();
        // LinkedHashMap keeps the order the producer chose (audit records hash their canonical JSON);
        // nulls are dropped because Map.copyOf rejects them and they carry no information.
        var out = new java.util.LinkedHashMap<String, Object>();
        v.forEach((k, val) -> {
            if (k != null && val != null) out.put(k, val);
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    private static String shown(String v) {
        if (v == null) return "null";
        return v.length() > 80 ? "'" + v.substring(0, 80) + "...'" : "'" + v + "'";
    }
}
