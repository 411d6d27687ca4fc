package io.edgemesh.backbone.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Terse DynamoDB attribute construction and reading, so item mappers read like the item layout. */
public final class Attrs {
    private Attrs() { }

    public static AttributeValue s(String v) { return AttributeValue.fromS(v); }

    public static AttributeValue n(long v) { return AttributeValue.fromN(Long.toString(v)); }

    public static AttributeValue t(Instant v) { return AttributeValue.fromS(v.toString()); }

    public static AttributeValue l(List<String> v) { return AttributeValue.fromL(v.stream().map(Attrs::s).toList()); }

    public static AttributeValue m(Map<String, AttributeValue> v) { return AttributeValue.fromM(v); }

    public static Map<String, AttributeValue> key(String pkName, String pk, String skName, String sk) {
        Map<String, AttributeValue> k = new LinkedHashMap<>();
        k.put(pkName, s(pk));
        if (skName != null) k.put(skName, s(sk));
        return k;
    }

    public static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    public static Optional<String> optStr(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(str(item, name));
    }

    public static long num(Map<String, AttributeValue> item, String name, long fallback) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? fallback : Long.parseLong(v.n());
    }

    public static Optional<Long> optNum(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? Optional.empty() : Optional.of(Long.parseLong(v.n()));
    }

    public static Instant time(Map<String, AttributeValue> item, String name) {
        String v = str(item, name);
        return v == null ? null : Instant.parse(v);
    }

    public static List<String> strs(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || !v.hasL()) return List.of();
        return v.l().stream().map(AttributeValue::s).toList();
    }

    public static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasM() ? Map.of() : v.m();
    }
}
