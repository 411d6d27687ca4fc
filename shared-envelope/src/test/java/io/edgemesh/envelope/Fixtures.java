package io.edgemesh.envelope;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keys, calls and bodies shared by the envelope tests. */
final class Fixtures {
    private Fixtures() { }

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final String TENANT = "acme";
    static final String TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    static byte[] key(int fill) {
        byte[] k = new byte[32];
        for (int i = 0; i < k.length; i++) k[i] = (byte) (fill + i);
        return k;
    }

    static final KeyRing RING = KeyRing.of("k1", Map.of("k1", key(1)));

    static Call call(String requestId) {
        return new Call(TENANT, "ingress", "tiny-ml", "search", requestId, TRACE);
    }

    static byte[] body(String tenant) {
        return ("{\"tenantId\":\"" + tenant + "\",\"query\":\"opening hours\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static final Pattern TENANT_FIELD = Pattern.compile("\"tenantId\":\"([^\"]*)\"");

    /** Finds {@code "tenantId":"..."} in the test bodies; a body that is not a JSON object is unreadable. */
    static final TenantExtractor TENANTS = body -> {
        String s = new String(body, StandardCharsets.UTF_8);
        if (!s.startsWith("{")) throw new IllegalArgumentException("not a JSON object");
        Matcher m = TENANT_FIELD.matcher(s);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    };
}
