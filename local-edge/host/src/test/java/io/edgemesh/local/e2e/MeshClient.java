package io.edgemesh.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The public HTTP API as outsiders call it: an operator with the admin token, a tenant's back end
 * with its secret key, a visitor's browser with the publishable key and its page's Origin. Every
 * call is a real request on the edge's port; answers are kept whole (status, headers, JSON).
 */
final class MeshClient {
    /** The keys a tenant gets once, at creation. */
    record Keys(String tenantId, String publishableKey, String secretKey) { }

    /** One answer: status, headers and the body parsed when it is JSON. */
    record Reply(int status, HttpResponse<String> raw, JsonNode json) {
        String code() { return json == null ? null : json.path("error").path("code").asText(null); }

        String header(String name) { return raw.headers().firstValue(name).orElse(null); }

        @Override
        public String toString() { return status + " " + raw.body(); }
    }

    private static final Set<String> RESTRICTED = Set.of("host", "content-length");

    /** HTTP/1.1 as a browser speaks to a plain-http origin (no h2c upgrade round that would hold concurrent requests back). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String adminToken;

    MeshClient(String base, String adminToken) {
        this.base = base;
        this.adminToken = adminToken;
    }

    String base() { return base; }

    // ---- operator ---------------------------------------------------------------------------------

    Reply createTenant(String id, List<String> origins) {
        return send(json(request("/admin/tenants").header("authorization", "Bearer " + adminToken), "POST",
                Map.of("id", id, "name", "E2E " + id, "allowedOrigins", origins)));
    }

    Reply patchTenant(String id, Map<String, Object> patch) {
        return send(json(request("/admin/tenants/" + id).header("authorization", "Bearer " + adminToken), "PATCH", patch));
    }

    static Keys keys(Reply created) {
        return new Keys(created.json().path("id").asText(), created.json().path("publishableKey").asText(),
                created.json().path("secretKey").asText());
    }

    // ---- tenant back end (secret key) -------------------------------------------------------------

    /** {@code POST /v1/uploads}, then the presigned PUT with the headers it names; returns the upload request's reply. */
    Reply upload(Keys keys, String filename, byte[] bytes) {
        Reply created = send(json(request("/v1/uploads").header("authorization", "Bearer " + keys.secretKey()), "POST",
                Map.of("filename", filename, "contentType", "application/pdf", "size", bytes.length)));
        if (created.status() != 201) return created;
        JsonNode upload = created.json().path("upload");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .timeout(Duration.ofSeconds(30))
                .method(upload.path("method").asText(), HttpRequest.BodyPublishers.ofByteArray(bytes));
        upload.path("headers").fields().forEachRemaining(h -> {
            if (!RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) put.header(h.getKey(), h.getValue().asText());
        });
        Reply stored = send(put);
        if (stored.status() / 100 != 2) throw new AssertionError("presigned PUT refused: " + stored);
        return created;
    }

    Reply document(Keys keys, String documentId) {
        return send(request("/v1/documents/" + documentId).header("authorization", "Bearer " + keys.secretKey()).GET());
    }

    Reply search(Keys keys, String query, int k, String mode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("k", k);
        if (mode != null) body.put("mode", mode);
        return send(json(request("/v1/search").header("authorization", "Bearer " + keys.secretKey()), "POST", body));
    }

    // ---- visitor (publishable key + Origin) -------------------------------------------------------

    Reply status(String publishableKey, String origin) {
        return send(request("/v1/tenant/status").header("x-edgemesh-key", publishableKey).header("origin", origin).GET());
    }

    Reply chat(String publishableKey, String origin, String message) {
        return send(chatRequest(publishableKey, origin, Map.of("message", message)));
    }

    HttpRequest.Builder chatRequest(String publishableKey, String origin, Map<String, Object> body) {
        return json(request("/v1/chat").header("x-edgemesh-key", publishableKey).header("origin", origin), "POST", body);
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    // ---- plumbing ---------------------------------------------------------------------------------

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    }

    private static HttpRequest.Builder json(HttpRequest.Builder b, String method, Object body) {
        return b.header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(Json.writeBytes(body)));
    }

    Reply send(HttpRequest.Builder request) {
        try {
            return reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static Reply reply(HttpResponse<String> r) {
        JsonNode json = null;
        String type = r.headers().firstValue("content-type").orElse("");
        if (type.contains("json") && !r.body().isEmpty()) {
            try {
                json = Json.parse(r.body());
            } catch (RuntimeException notJson) {
                json = null;
            }
        }
        return new Reply(r.statusCode(), r, json);
    }

    HttpClient http() { return http; }
}
