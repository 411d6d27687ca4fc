package io.edgemesh.backbone.documents.internal;

import static io.edgemesh.backbone.internal.Attrs.n;
import static io.edgemesh.backbone.internal.Attrs.s;
import static io.edgemesh.backbone.internal.Attrs.t;

import io.edgemesh.backbone.documents.Document;
import io.edgemesh.backbone.documents.NewDocument;
import io.edgemesh.backbone.documents.ScannerVerdict;
import io.edgemesh.backbone.internal.Attrs;
import io.edgemesh.backbone.tenants.internal.TenantItems;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Documents-table attributes. Written here at upload: {@code status}, {@code fileName},
 * {@code contentType}, {@code sizeBytes}, {@code bucket}, {@code objectKey}, {@code createdAt},
 * {@code updatedAt}, {@code uploadExpiresAt}, {@code maxUploadBytes}, {@code scanPolicy}. Written by
 * Layer 3: {@code scanStartedAt}, {@code scanners}, {@code verdicts} (scanner → verdict map),
 * {@code decision}, {@code reasons}, {@code decidedAt}, {@code quarantineKey}, {@code scanStatus}.
 * Read loosely: a missing or odd attribute is left out of the answer rather than failing the read.
 */
public final class DocumentItems {
    public static final String PK = "tenantId";
    public static final String SK = "documentId";

    private DocumentItems() { }

    public static Map<String, AttributeValue> key(String tenantId, String documentId) {
        return Attrs.key(PK, tenantId, SK, documentId);
    }

    public static Map<String, AttributeValue> item(NewDocument d, String status) {
        Map<String, AttributeValue> m = new LinkedHashMap<>(key(d.tenantId(), d.documentId()));
        m.put("status", s(status));
        m.put("fileName", s(d.filename()));
        m.put("contentType", s(d.contentType()));
        m.put("sizeBytes", n(d.sizeBytes()));
        m.put("bucket", s(d.bucket()));
        m.put("objectKey", s(d.objectKey()));
        m.put("createdAt", t(d.createdAt()));
        m.put("updatedAt", t(d.createdAt()));
        m.put("uploadExpiresAt", t(d.uploadExpiresAt()));
        m.put("maxUploadBytes", n(d.maxUploadBytes()));
        m.put("scanPolicy", TenantItems.scanPolicy(d.scanPolicy()));
        return m;
    }

    public static Document document(Map<String, AttributeValue> item) {
        List<String> reasons = strings(item.get("reasons"));
        Map<String, AttributeValue> idx = new LinkedHashMap<>();
        for (String k : List.of("pages", "chunks", "language", "indexedAt")) if (item.containsKey(k)) idx.put(k, item.get(k));
        Document.IndexInfo index = idx.isEmpty() ? null : new Document.IndexInfo(Attrs.optNum(idx, "pages").orElse(null),
                Attrs.optNum(idx, "chunks").orElse(null), Attrs.str(idx, "language"), Attrs.str(idx, "indexedAt"));
        return new Document(Attrs.str(item, SK), Attrs.str(item, "status"), Attrs.str(item, "fileName"),
                Attrs.str(item, "contentType"), Attrs.optNum(item, "sizeBytes").orElse(null), instant(item, "createdAt"),
                instant(item, "updatedAt"), instant(item, "uploadExpiresAt"), instant(item, "decidedAt"),
                reasons.isEmpty() ? null : reasons, verdicts(Attrs.map(item, "verdicts")), index);
    }

    /** Verdicts from the row's {@code verdicts} map, sorted by scanner. */
    public static List<ScannerVerdict> verdicts(Map<String, AttributeValue> byScanner) {
        Map<String, ScannerVerdict> sorted = new TreeMap<>();
        byScanner.forEach((scanner, v) -> {
            if (v.hasM()) sorted.put(scanner, verdict(scanner, v.m()));
        });
        return List.copyOf(sorted.values());
    }

    /** One verdict from its attribute map (the row's nested map or a scans-table item). */
    public static ScannerVerdict verdict(String scanner, Map<String, AttributeValue> m) {
        List<ScannerVerdict.Finding> findings = new ArrayList<>();
        AttributeValue fs = m.get("findings");
        if (fs != null && fs.hasL()) {
            for (AttributeValue f : fs.l()) {
                if (!f.hasM()) continue;
                Map<String, AttributeValue> fm = f.m();
                findings.add(new ScannerVerdict.Finding(Attrs.str(fm, "code"), lower(Attrs.str(fm, "category")),
                        Attrs.str(fm, "reason"), lower(Attrs.str(fm, "action"))));
            }
        }
        String verdict = Attrs.str(m, "verdict");
        return new ScannerVerdict(scanner, verdict == null ? "ERROR" : verdict, List.copyOf(findings), Attrs.str(m, "error"),
                Attrs.str(m, "scannedAt"));
    }

    private static String lower(String s) { return s == null ? null : s.toLowerCase(Locale.ROOT); }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = Attrs.str(item, name);
        if (v == null) return null;
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> strings(AttributeValue a) {
        if (a == null) return List.of();
        if (a.hasL()) return a.l().stream().map(AttributeValue::s).filter(x -> x != null).toList();
        if (a.hasSs()) return List.copyOf(a.ss());
        return List.of();
    }
}
