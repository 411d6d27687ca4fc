package io.edgemesh.analysis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.analysis.scan.Category;
import io.edgemesh.analysis.scan.PolicyAction;
import io.edgemesh.analysis.scan.ScannerPolicy;
import io.edgemesh.common.Json;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the tenant's scanner policy that Layer 7 copies onto each document row ({@code scanPolicy}:
 * {@code allowedContentTypes}, {@code maxPages}, {@code actions} of lower-case category to
 * {@code allow|review|block}, optional {@code blockedSha256}; plus {@code maxUploadBytes}), as a
 * DynamoDB map or a JSON string. The row was written by our own code, but a value that does not
 * parse falls back to the default for that field instead of failing the scan: defaults are the
 * strict choice.
 */
public final class ScannerPolicies {
    private ScannerPolicies() { }

    public static ScannerPolicy from(Map<String, AttributeValue> row) {
        ScannerPolicy p = ScannerPolicy.defaults();
        long maxBytes = DocumentRow.number(row, "maxUploadBytes");
        if (maxBytes > 0) p = p.withMaxBytes(maxBytes);
        AttributeValue a = row.containsKey("scanPolicy") ? row.get("scanPolicy") : row.get("scannerPolicy");
        if (a == null) return p;
        JsonNode n;
        try {
            n = a.s() != null ? Json.parse(a.s()) : Json.MAPPER.valueToTree(plain(a));
        } catch (RuntimeException e) {
            return p;
        }
        JsonNode types = n.path("allowedContentTypes");
        if (types.isArray() && !types.isEmpty()) {
            Set<String> t = new HashSet<>();
            types.forEach(x -> t.add(x.asText()));
            p = p.withAllowedContentTypes(t);
        }
        if (n.path("maxPages").canConvertToInt() && n.path("maxPages").asInt() > 0) p = p.withMaxPages(n.path("maxPages").asInt());
        JsonNode actions = n.path("actions");
        if (actions.isObject()) {
            Map<Category, PolicyAction> m = new EnumMap<>(Category.class);
            actions.fields().forEachRemaining(e -> {
                try {
                    p0(m, Category.valueOf(e.getKey().toUpperCase(Locale.ROOT)), PolicyAction.valueOf(e.getValue().asText().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException ignored) {
                    // an unknown category or action keeps that category's default
                }
            });
            for (Map.Entry<Category, PolicyAction> e : m.entrySet()) p = p.withAction(e.getKey(), e.getValue());
        }
        JsonNode hashes = n.path("blockedSha256");
        if (hashes.isArray()) {
            Set<String> h = new HashSet<>();
            hashes.forEach(x -> h.add(x.asText()));
            p = p.withBlockedSha256(h);
        }
        return p;
    }

    private static void p0(Map<Category, PolicyAction> m, Category c, PolicyAction a) {
        m.put(c, a);
    }

    /** AttributeValue → plain Java values, for Jackson. */
    static Object plain(AttributeValue a) {
        if (a.s() != null) return a.s();
        if (a.n() != null) return new java.math.BigDecimal(a.n());
        if (a.bool() != null) return a.bool();
        if (a.hasM()) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            a.m().forEach((k, v) -> m.put(k, plain(v)));
            return m;
        }
        if (a.hasL()) return a.l().stream().map(ScannerPolicies::plain).toList();
        if (a.hasSs()) return List.copyOf(a.ss());
        if (a.hasNs()) return a.ns().stream().map(java.math.BigDecimal::new).toList();
        return null;
    }
}
