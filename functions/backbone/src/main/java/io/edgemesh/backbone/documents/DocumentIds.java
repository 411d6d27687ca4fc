package io.edgemesh.backbone.documents;

import io.edgemesh.backbone.internal.Base62;
import java.util.regex.Pattern;

/** Document ids: {@code doc_} and 20 base62 characters (≈119 random bits), one safe path segment. */
public final class DocumentIds {
    public static final Pattern PATTERN = Pattern.compile("^doc_[0-9A-Za-z]{20}$");

    private DocumentIds() { }

    public static String next() { return "doc_" + Base62.random(20); }

    public static boolean valid(String id) { return id != null && PATTERN.matcher(id).matches(); }

    public static String incomingKey(String tenantId, String documentId) {
        return "tenants/" + tenantId + "/incoming/" + documentId;
    }

    public static String quarantineKey(String tenantId, String documentId) {
        return "tenants/" + tenantId + "/quarantine/" + documentId;
    }
}
