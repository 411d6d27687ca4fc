package io.edgemesh.backbone.tenants;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tenant's choices for Layer 3: which content types may be uploaded at all, the page limit, and
 * an action per finding category overriding the scanners' defaults. Categories are Layer 3's
 * ({@code io.edgemesh.analysis.scan.Category}) in lower case, e.g. {@code javascript},
 * {@code embedded_file}; an unknown one is refused so a typo never silently keeps a default.
 * The uploads API copies this policy onto each document row, because the scanners do not read the
 * tenants table.
 */
public record ScanPolicy(List<String> allowedContentTypes, int maxPages, Map<String, ScanAction> actions) {
    public static final String PDF = "application/pdf";
    public static final int DEFAULT_MAX_PAGES = 2_000;
    public static final int MAX_PAGES_CEILING = 20_000;

    public ScanPolicy {
        allowedContentTypes = TenantRules.contentTypes("scanPolicy.allowedContentTypes", allowedContentTypes);
        TenantRules.range("scanPolicy.maxPages", maxPages, 1, MAX_PAGES_CEILING);
        actions = Map.copyOf(new TreeMap<>(TenantRules.actions("scanPolicy.actions", actions)));
    }

    public static ScanPolicy defaults() { return new ScanPolicy(List.of(PDF), DEFAULT_MAX_PAGES, Map.of()); }

    public boolean allowsContentType(String normalisedType) { return allowedContentTypes.contains(normalisedType); }
}
