package io.edgemesh.analysis.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An object key under the uploads bucket's incoming prefix: {@code tenants/{tenant}/incoming/{documentId}}.
 * The ids follow the contract's shapes (one path segment, no separators), because they become
 * DynamoDB keys, S3 prefixes and FIFO group ids.
 */
public record UploadKey(String tenantId, String documentId) {
    public static final Pattern TENANT_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$");
    public static final Pattern DOCUMENT_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");

    /** What a key is: an upload to scan, an upload with a bad document id, or something else. */
    public sealed interface Parsed permits Upload, BadDocumentId, NotAnUpload { }

    public record Upload(UploadKey key) implements Parsed { }

    /** Under a valid tenant's incoming prefix but with a name no upload URL is ever issued for. */
    public record BadDocumentId(String tenantId, String name) implements Parsed { }

    public record NotAnUpload(String why) implements Parsed { }

    public static Parsed parse(String key) {
        if (key == null) return new NotAnUpload("no key");
        String[] parts = key.split("/", -1);
        if (parts.length < 4 || !parts[0].equals("tenants") || !parts[2].equals("incoming")) {
            return new NotAnUpload("not under tenants/{tenant}/incoming/");
        }
        if (!TENANT_ID.matcher(parts[1]).matches()) return new NotAnUpload("tenant id is not valid");
        String name = key.substring(("tenants/" + parts[1] + "/incoming/").length());
        if (parts.length != 4 || !DOCUMENT_ID.matcher(parts[3]).matches()) return new BadDocumentId(parts[1], name);
        return new Upload(new UploadKey(parts[1], parts[3]));
    }

    public String incomingKey() {
        return "tenants/" + tenantId + "/incoming/" + documentId;
    }

    public String quarantineKey() {
        return "tenants/" + tenantId + "/quarantine/" + documentId;
    }

    public static Optional<String> tenantOf(String key) {
        Parsed p = parse(key);
        if (p instanceof Upload u) return Optional.of(u.key().tenantId());
        if (p instanceof BadDocumentId b) return Optional.of(b.tenantId());
        return Optional.empty();
    }
}
