package io.edgemesh.analysis.scan;

import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tenant's scanner policy: size and page limits, the content types it accepts, what to do with
 * each {@link Category} of finding, extra SHA-256 hashes to refuse, and the resource limits that keep
 * a hostile PDF from exhausting the function. Everything has a safe default ({@link #defaults()}).
 */
public record ScannerPolicy(long maxBytes, int maxPages, Set<String> allowedContentTypes,
                            Map<Category, PolicyAction> actions, Set<String> blockedSha256, PdfLimits limits) {

    public static final long DEFAULT_MAX_BYTES = 25L * 1024 * 1024;
    public static final int DEFAULT_MAX_PAGES = 2_000;
    public static final String PDF = "application/pdf";

    /**
     * Resource limits for parsing. Decoded bytes are counted per stream and in total; the ratio
     * limit only applies to streams that inflate beyond {@code ratioFloorBytes}, because small
     * streams of blank pixels legitimately compress thousands of times.
     */
    public record PdfLimits(long maxStreamDecodedBytes, long maxTotalDecodedBytes, long ratioFloorBytes,
                            int maxCompressionRatio, int maxExtractedChars, long scratchMemoryBytes) {
        public static PdfLimits defaults() {
            return new PdfLimits(64L << 20, 256L << 20, 8L << 20, 1_000, 2_000_000, 64L << 20);
        }
    }

    public ScannerPolicy {
        if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be positive");
        if (maxPages <= 0) throw new IllegalArgumentException("maxPages must be positive");
        allowedContentTypes = allowedContentTypes.stream().map(ScannerPolicy::normaliseType).collect(Collectors.toUnmodifiableSet());
        actions = actions.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(actions));
        blockedSha256 = blockedSha256.stream().map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(ScannerPolicy::isSha256).collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(limits, "limits");
    }

    public static ScannerPolicy defaults() {
        return new ScannerPolicy(DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, Set.of(PDF), Map.of(), Set.of(), PdfLimits.defaults());
    }

    /** What this tenant does with a finding of {@code category}. */
    public PolicyAction action(Category category) {
        return actions.getOrDefault(category, category.defaultAction());
    }

    /** A finding with the action this policy gives its category. */
    public Finding finding(String code, Category category, String reason) {
        return new Finding(code, category, reason, action(category));
    }

    public boolean allows(String contentType) {
        return contentType != null && allowedContentTypes.contains(normaliseType(contentType));
    }

    public ScannerPolicy withAction(Category category, PolicyAction action) {
        EnumMap<Category, PolicyAction> m = actions.isEmpty() ? new EnumMap<>(Category.class) : new EnumMap<>(actions);
        m.put(category, action);
        return new ScannerPolicy(maxBytes, maxPages, allowedContentTypes, m, blockedSha256, limits);
    }

    public ScannerPolicy withMaxPages(int pages) {
        return new ScannerPolicy(maxBytes, pages, allowedContentTypes, actions, blockedSha256, limits);
    }

    public ScannerPolicy withMaxBytes(long bytes) {
        return new ScannerPolicy(bytes, maxPages, allowedContentTypes, actions, blockedSha256, limits);
    }

    public ScannerPolicy withBlockedSha256(Set<String> hashes) {
        return new ScannerPolicy(maxBytes, maxPages, allowedContentTypes, actions, hashes, limits);
    }

    public ScannerPolicy withLimits(PdfLimits l) {
        return new ScannerPolicy(maxBytes, maxPages, allowedContentTypes, actions, blockedSha256, l);
    }

    public ScannerPolicy withAllowedContentTypes(Set<String> types) {
        return new ScannerPolicy(maxBytes, maxPages, types, actions, blockedSha256, limits);
    }

    /** {@code Application/PDF; charset=x} → {@code application/pdf}. */
    public static String normaliseType(String contentType) {
        if (contentType == null) return "";
        int semi = contentType.indexOf(';');
        return (semi >= 0 ? contentType.substring(0, semi) : contentType).trim().toLowerCase(Locale.ROOT);
    }

    static boolean isSha256(String h) {
        if (h.length() != 64) return false;
        try {
            HexFormat.of().parseHex(h);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
