package io.edgemesh.tinyml.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The search handler's contract as callers see it: empty results, 400s, forwarded HTTP bodies. */
class SearchHandlerIT {
    private static TinyMlFixture fx;

    @BeforeAll
    static void start() {
        fx = new TinyMlFixture();
    }

    @Test
    void givenATenantWithoutAnIndex_whenItSearches_thenResultsAreEmptyNotAnError() {
        JsonNode r = fx.invokeSearch("t" + UUID.randomUUID().toString().substring(0, 8), Map.of("query", "opening hours"));
        assertThat(r.path("status").asInt()).isEqualTo(200);
        assertThat(r.path("body").path("results").isArray()).isTrue();
        assertThat(r.path("body").path("results")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"query\":\"\"}", "{\"query\":\"q\",\"k\":0}", "{\"query\":\"q\",\"k\":51}",
        "{\"query\":\"q\",\"mode\":\"fuzzy\"}", "{\"query\":[\"q\"]}"})
    void givenAnInvalidSearch_whenInvoked_thenItIsA400InvalidRequest(String body) {
        JsonNode r = fx.invokeSearch("acme", Json.parse(body));
        assertThat(r.path("status").asInt()).isEqualTo(400);
        assertThat(r.path("error").path("code").asText()).isEqualTo("invalid_request");
    }

    @Test
    void givenAForwardedPublicRequestWithASecretKey_whenInvoked_thenItsBodyIsTheSearch() {
        Map<String, Object> forward = Map.of("method", "POST", "path", "/v1/search", "pathParams", Map.of(), "query", Map.of(),
                "body", Map.of("query", "opening hours", "k", 3, "mode", "bm25"),
                "principal", Map.of("kind", "secret_key", "tenantId", "acme", "keyId", "sk_1"), "clientIp", "192.0.2.1");
        JsonNode r = fx.invoke("acme", "ingress", "search", forward);
        assertThat(r.path("status").asInt()).isEqualTo(200);
        assertThat(r.path("body").path("results")).isEmpty();
    }

    @Test
    void givenAForwardedRequestWithAPublishableKey_whenInvoked_thenItIsForbidden() {
        Map<String, Object> forward = Map.of("method", "POST", "path", "/v1/search", "body", Map.of("query", "x"),
                "principal", Map.of("kind", "publishable_key", "tenantId", "acme", "keyId", "pk_1"));
        JsonNode r = fx.invoke("acme", "ingress", "search", forward);
        assertThat(r.path("status").asInt()).isEqualTo(403);
    }

    @Test
    void givenAnUnknownOperation_whenInvoked_thenItIsA404() {
        JsonNode r = fx.invoke("acme", "orchestration", "reindex", Map.of("query", "x"));
        assertThat(r.path("status").asInt()).isEqualTo(404);
        assertThat(r.path("error").path("code").asText()).isEqualTo("not_found");
    }
}
