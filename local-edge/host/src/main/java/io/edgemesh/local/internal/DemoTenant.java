package io.edgemesh.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import io.edgemesh.local.DemoTenantKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates the demo tenant the way an operator would: {@code POST /admin/tenants} with the admin
 * token on this edge's own port, so the request takes the real path (ingress, authentication,
 * signed invocation of the admin function). The answer's keys are kept in the data folder.
 */
public final class DemoTenant {
    public static final String TENANT_ID = "demo";
    public static final String FILE = "demo-tenant.json";

    /** The outcome of {@link #create}: the keys, or the status and body that explain why not. */
    public record Result(DemoTenantKeys keys, int status, String body) { }

    private DemoTenant() { }

    public static Optional<DemoTenantKeys> load(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) return Optional.empty();
        try {
            return Optional.ofNullable(keysOf(Json.parse(Files.readAllBytes(file))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static void save(Path dir, String createdResponse) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(FILE + ".tmp");
        Files.writeString(tmp, createdResponse, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The body of the create request: the tenant and the origins the demo page is served from. */
    public static Map<String, Object> request(List<String> origins) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", TENANT_ID);
        body.put("name", "EdgeMesh demo");
        body.put("allowedOrigins", origins);
        return body;
    }

    public static Result create(String baseUrl, String adminToken, List<String> origins) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/admin/tenants"))
                .timeout(Duration.ofSeconds(60))
                .header("authorization", "Bearer " + adminToken)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.writeBytes(request(origins))))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        DemoTenantKeys keys = null;
        if (response.statusCode() / 100 == 2) {
            try {
                keys = keysOf(Json.parse(response.body()));
            } catch (RuntimeException notJson) {
                keys = null;
            }
        }
        return new Result(keys, response.statusCode(), response.body());
    }

    /**
     * The keys in a create answer, wherever its shape puts them: the first {@code pk_} and
     * {@code sk_} strings. Null without a publishable key.
     */
    static DemoTenantKeys keysOf(JsonNode root) {
        String pk = find(root, "pk_");
        if (pk == null) return null;
        return new DemoTenantKeys(TENANT_ID, pk, find(root, "sk_"));
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
