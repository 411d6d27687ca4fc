package io.edgemesh.widget.browser;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What an operator and a tenant do over the public API before a visitor arrives: create the tenant
 * (admin token), upload a PDF (secret key, presigned URL) and wait until chat unlocks.
 */
final class EdgeApi {

    record Keys(String tenantId, String publishableKey, String secretKey) { }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String adminToken;

    EdgeApi(String base, String adminToken) {
        this.base = base;
        this.adminToken = adminToken;
    }

    Keys createTenant(String id, List<String> origins) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/admin/tenants"))
                .header("authorization", "Bearer " + adminToken).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("id", id, "name", "Browser test " + id,
                        "allowedOrigins", origins)))));
        if (r.statusCode() / 100 != 2) throw new IllegalStateException("creating tenant " + id + ": " + r.statusCode() + " " + r.body());
        JsonNode body = Json.parse(r.body());
        return new Keys(id, find(body, "pk_"), find(body, "sk_"));
    }

    /** Uploads through a presigned URL; returns the document id. */
    String upload(Keys keys, String filename, byte[] pdf) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/v1/uploads"))
                .header("authorization", "Bearer " + keys.secretKey()).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("filename", filename,
                        "contentType", "application/pdf", "size", pdf.length)))));
        if (r.statusCode() / 100 != 2) throw new IllegalStateException("upload request: " + r.statusCode() + " " + r.body());
        JsonNode b = Json.parse(r.body());
        JsonNode upload = b.get("upload");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.get("url").asText()))
                .method(upload.path("method").asText("PUT"), HttpRequest.BodyPublishers.ofByteArray(pdf));
        upload.path("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equalsIgnoreCase("host") && !h.getKey().equalsIgnoreCase("content-length")) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        HttpResponse<String> stored = send(put);
        if (stored.statusCode() / 100 != 2) throw new IllegalStateException("upload PUT: " + stored.statusCode() + " " + stored.body());
        return b.get("documentId").asText();
    }

    /** Polls the tenant status the widget sees until it is {@code ready}. */
    JsonNode awaitReady(Keys keys, String origin, Duration timeout) throws IOException, InterruptedException {
        Instant end = Instant.now().plus(timeout);
        JsonNode last = null;
        while (Instant.now().isBefore(end)) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/v1/tenant/status"))
                    .header("x-edgemesh-key", keys.publishableKey()).header("origin", origin).GET());
            last = r.statusCode() == 200 ? Json.parse(r.body()) : null;
            if (last != null && "ready".equals(last.path("status").asText())) return last;
            Thread.sleep(500);
        }
        throw new IllegalStateException("tenant " + keys.tenantId() + " not ready within " + timeout + "; last status " + last);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String find(JsonNode node, String prefix) {
        if (node == null) return null;
        if (node.isTextual()) return node.textValue().startsWith(prefix) ? node.textValue() : null;
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            String found = find(it.next(), prefix);
            if (found != null) return found;
        }
        return null;
    }
}
