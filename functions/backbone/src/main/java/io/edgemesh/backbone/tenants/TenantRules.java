package io.edgemesh.backbone.tenants;

import io.edgemesh.backbone.internal.Fields;
import io.edgemesh.common.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validation of everything an admin or tenant may send about a tenant. Each rule throws a 400
 * {@code invalid_request} whose message names the field and the accepted form.
 */
public final class TenantRules {
    private TenantRules() { }

    /**
     * 3 to 32 characters, lower-case letters, digits and inner hyphens. No underscore, because keys
     * are {@code pk_<tenant>_…} and split on it; no upper case, because the id is an S3 prefix, a
     * FIFO group id and a DNS-safe sandbox stack name.
     */
    public static final Pattern TENANT_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$");
    public static final int MAX_NAME = 100;
    public static final int MAX_ORIGINS = 20;
    public static final int MAX_ORIGIN_LENGTH = 270;
    /** Content types a tenant may allow: what the scanners and the indexer can read. */
    public static final Set<String> SUPPORTED_CONTENT_TYPES = Set.of("application/pdf", "text/plain", "text/markdown");
    /**
     * Layer 3's finding categories ({@code io.edgemesh.analysis.scan.Category}, lower-cased). Copied
     * rather than imported so the admin API does not pull PDFBox in; keep the two in step.
     */
    public static final Set<String> SCAN_CATEGORIES = Set.of(
            "empty", "type_not_allowed", "type_mismatch", "size_limit", "size_mismatch", "malformed", "page_limit",
            "encrypted", "permissions_only_encryption", "decompression_bomb", "unscannable",
            "javascript", "launch", "import_data", "submit_form", "remote_goto", "embedded_goto", "embedded_file",
            "xfa", "rich_media", "unknown_action", "uri_link",
            "malware_signature", "blocklisted_hash",
            "cloud_credential", "private_key", "api_token", "jwt", "generic_secret", "prompt_injection", "hidden_text");
    private static final Pattern HOST_LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");

    public static String tenantId(String field, String id) {
        if (id == null || !TENANT_ID.matcher(id).matches()) {
            throw ApiException.invalid(field + " must be 3-32 characters of a-z, 0-9 and '-' (not first or last), got "
                    + Fields.shown(id));
        }
        return id;
    }

    public static String name(String name) {
        if (name == null) throw ApiException.invalid("name is required (a string of 1-" + MAX_NAME + " characters)");
        String n = name.strip();
        if (n.isEmpty()) throw ApiException.invalid("name must not be blank");
        if (n.codePointCount(0, n.length()) > MAX_NAME) throw ApiException.invalid("name is longer than " + MAX_NAME + " characters");
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                throw ApiException.invalid("name contains a control or invisible formatting character");
            }
        }
        return n;
    }

    /**
     * Each origin exactly as a browser sends it in {@code Origin}: {@code scheme://host[:port]}, lower
     * case, no path, no default port. {@code https} only, except {@code http} for {@code localhost}
     * and {@code 127.0.0.1} (local development). Non-canonical input is refused rather than fixed, with
     * the canonical form in the message, so what is stored is what the admin typed.
     */
    public static List<String> origins(List<String> origins) {
        if (origins == null || origins.isEmpty()) {
            throw ApiException.invalid("allowedOrigins must list at least one origin, e.g. [\"https://www.example.com\"]");
        }
        if (origins.size() > MAX_ORIGINS) throw ApiException.invalid("allowedOrigins has more than " + MAX_ORIGINS + " entries");
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < origins.size(); i++) {
            String o = origin("allowedOrigins[" + i + "]", origins.get(i));
            if (!seen.add(o)) throw ApiException.invalid("allowedOrigins[" + i + "] repeats " + Fields.shown(o));
            out.add(o);
        }
        return List.copyOf(out);
    }

    static String origin(String field, String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_ORIGIN_LENGTH) {
            throw ApiException.invalid(field + " must be an origin like https://www.example.com");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw ApiException.invalid(field + " is not a valid origin: " + Fields.shown(value));
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (scheme == null || uri.getRawAuthority() == null) {
            throw ApiException.invalid(field + " must be exactly scheme://host[:port]: " + Fields.shown(value));
        }
        if (host == null && uri.getRawAuthority().indexOf('@') < 0) {
            throw ApiException.invalid(field + " has an invalid host name: " + Fields.shown(value));
        }
        if (host == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())) {
            throw ApiException.invalid(field + " must be exactly scheme://host[:port] with no path, query or user: "
                    + Fields.shown(value));
        }
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        String lowerHost = host.toLowerCase(Locale.ROOT);
        boolean local = lowerHost.equals("localhost") || lowerHost.equals("127.0.0.1");
        if (!lowerScheme.equals("https") && !(lowerScheme.equals("http") && local)) {
            throw ApiException.invalid(field + " must use https (http is allowed only for localhost and 127.0.0.1): "
                    + Fields.shown(value));
        }
        if (!validHost(lowerHost)) throw ApiException.invalid(field + " has an invalid host name: " + Fields.shown(value));
        int port = uri.getPort();
        boolean defaultPort = (lowerScheme.equals("https") && port == 443) || (lowerScheme.equals("http") && port == 80);
        String canonical = lowerScheme + "://" + lowerHost + (port == -1 || defaultPort ? "" : ":" + port);
        if (!canonical.equals(value)) {
            throw ApiException.invalid(field + " must be written as the browser sends it: " + Fields.shown(canonical)
                    + " instead of " + Fields.shown(value));
        }
        return value;
    }

    private static boolean validHost(String host) {
        if (host.length() > 253) return false;
        var ip = IPV4.matcher(host);
        if (ip.matches()) {
            for (int g = 1; g <= 4; g++) if (Integer.parseInt(ip.group(g)) > 255) return false;
            return true;
        }
        String[] labels = host.split("\\.", -1);
        for (String l : labels) if (!HOST_LABEL.matcher(l).matches()) return false;
        return true;
    }

    public static long range(String field, long value, long min, long max) {
        if (value < min || value > max) throw ApiException.invalid(field + " must be between " + min + " and " + max + ", got " + value);
        return value;
    }

    static List<String> contentTypes(String field, List<String> types) {
        if (types == null || types.isEmpty()) throw ApiException.invalid(field + " must list at least one content type");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            String t = types.get(i);
            if (t == null || !SUPPORTED_CONTENT_TYPES.contains(t)) {
                throw ApiException.invalid(field + "[" + i + "] must be one of " + SUPPORTED_CONTENT_TYPES.stream().sorted().toList()
                        + ", got " + Fields.shown(t));
            }
            if (!out.contains(t)) out.add(t);
        }
        return List.copyOf(out);
    }

    static Map<String, ScanAction> actions(String field, Map<String, ScanAction> actions) {
        if (actions == null) return Map.of();
        Map<String, ScanAction> out = new LinkedHashMap<>();
        actions.forEach((k, v) -> {
            if (k == null || !SCAN_CATEGORIES.contains(k)) {
                throw ApiException.invalid(field + " has an unknown category " + Fields.shown(k) + "; known: "
                        + SCAN_CATEGORIES.stream().sorted().toList());
            }
            if (v == null) throw ApiException.invalid(field + "." + k + " must be allow, review or block");
            out.put(k, v);
        });
        return out;
    }
}
