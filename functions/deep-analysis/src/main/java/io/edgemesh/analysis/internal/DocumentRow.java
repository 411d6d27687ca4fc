package io.edgemesh.analysis.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The parts of a documents-table row Layer 3 reads: what Layer 7 declared at upload time
 * ({@code fileName}, {@code contentType}, {@code sizeBytes}, the tenant's scan policy snapshot) and
 * what the scanners have recorded so far.
 */
public record DocumentRow(String tenantId, String documentId, String status, String fileName, String contentType,
                          long declaredSize, Set<String> scanners, Map<String, RecordedVerdict> verdicts,
                          Decision decision, String quarantineKey, boolean effectsApplied, Map<String, AttributeValue> raw) {

    public static final String AWAITING_UPLOAD = "awaiting_upload";
    public static final String SCANNING = "scanning";

    public boolean inProgress() {
        return AWAITING_UPLOAD.equals(status) || SCANNING.equals(status);
    }

    static DocumentRow from(Map<String, AttributeValue> item) {
        Map<String, RecordedVerdict> verdicts = new HashMap<>();
        AttributeValue vm = item.get("verdicts");
        if (vm != null && vm.hasM()) {
            vm.m().forEach((scanner, v) -> {
                if (v.hasM()) verdicts.put(scanner, RecordedVerdict.fromAttributes(scanner, v.m()));
            });
        }
        Set<String> scanners = new HashSet<>();
        AttributeValue ss = item.get("scanners");
        if (ss != null && ss.hasSs()) scanners.addAll(ss.ss());
        Decision decision = null;
        String kind = RecordedVerdict.str(item, "decision", null);
        if (kind != null) {
            Decision.Kind k;
            try {
                k = Decision.Kind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                k = Decision.Kind.FAILED;
            }
            decision = new Decision(k, strings(item.get("reasons")), strings(item.get("blockingScanners")),
                    RecordedVerdict.str(item, "sha256", null));
        }
        return new DocumentRow(RecordedVerdict.str(item, "tenantId", null), RecordedVerdict.str(item, "documentId", null),
                RecordedVerdict.str(item, "status", ""), first(item, "fileName", "filename"), first(item, "contentType", "declaredContentType"),
                number(item, "sizeBytes", "declaredSize", "size"), Set.copyOf(scanners), Map.copyOf(verdicts), decision,
                RecordedVerdict.str(item, "quarantineKey", null), item.containsKey("effectsAppliedAt"), Map.copyOf(item));
    }

    private static List<String> strings(AttributeValue a) {
        if (a == null) return List.of();
        if (a.hasL()) return a.l().stream().map(AttributeValue::s).filter(s -> s != null).toList();
        if (a.hasSs()) return List.copyOf(a.ss());
        return List.of();
    }

    private static String first(Map<String, AttributeValue> item, String... names) {
        for (String n : names) {
            String v = RecordedVerdict.str(item, n, null);
            if (v != null) return v;
        }
        return null;
    }

    static long number(Map<String, AttributeValue> item, String... names) {
        for (String n : names) {
            AttributeValue a = item.get(n);
            if (a != null && a.n() != null) {
                try {
                    return Long.parseLong(a.n());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
