package io.edgemesh.backbone.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.backbone.tenants.NewTenant;
import io.edgemesh.backbone.tenants.ScanAction;
import io.edgemesh.backbone.tenants.TenantPatch;
import io.edgemesh.backbone.tenants.TenantStatus;
import io.edgemesh.backbone.tenants.TrustLevel;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdminRequestsTest {

    @Test
    void givenValidCreateBodyThenNameIsTrimmedAndOriginsKept() throws IOException {
        NewTenant t = AdminRequests.create(fixture("create-valid.json"));

        assertThat(t.id()).isEqualTo("acme-shop");
        assertThat(t.name()).isEqualTo("Acme Shop");
        assertThat(t.allowedOrigins()).containsExactly("https://acme.example", "http://localhost:3000");
    }

    @Test
    void givenFullPatchThenEveryFieldIsRead() throws IOException {
        TenantPatch p = AdminRequests.patch(fixture("patch-full.json"));

        assertThat(p.status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(p.trustCeiling()).isEqualTo(TrustLevel.ANONYMOUS);
        assertThat(p.limits().maxDocuments()).isEqualTo(10);
        assertThat(p.limits().monthlyTokenBudget()).isZero();
        assertThat(p.scanPolicy().actions()).containsEntry("uri_link", ScanAction.REVIEW).containsEntry("hidden_text", ScanAction.BLOCK);
        assertThat(p.scanPolicy().maxPages()).isEqualTo(100);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"id\":\"acme\",\"name\":\"A\"}|allowedOrigins is required",
            "{\"id\":\"ACME\",\"name\":\"A\",\"allowedOrigins\":[\"https://a.example\"]}|id must be 3-32 characters",
            "{\"id\":\"acme\",\"name\":7,\"allowedOrigins\":[\"https://a.example\"]}|name must be a string",
            "{\"id\":\"acme\",\"name\":\"A\",\"allowedOrigins\":\"https://a.example\"}|allowedOrigins must be an array",
            "{\"id\":\"acme\",\"name\":\"A\",\"allowedOrigins\":[\"https://a.example\"],\"admin\":true}|unknown field(s) 'admin'",
            "[1]|must be a JSON object"})
    void refusesBadCreateBodiesNamingTheField(String json, String message) {
        assertThatThrownBy(() -> AdminRequests.create(Json.parse(json))).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{}|nothing to update",
            "{\"status\":\"deleted\"}|status must be one of",
            "{\"limits\":{\"maxDocuments\":0}}|limits.maxDocuments must be between",
            "{\"limits\":{\"maxDocs\":5}}|limits has unknown field(s) 'maxDocs'",
            "{\"limits\":{\"maxUploadBytes\":1.5}}|maxUploadBytes must be an integer",
            "{\"scanPolicy\":{\"actions\":{\"javascript\":\"ignore\"}}}|must be one of allow, review, block",
            "{\"scanPolicy\":{\"actions\":{\"javascript\":true}}}|scanPolicy.actions.javascript must be",
            "{\"trustCeiling\":\"root\"}|trustCeiling must be one of",
            "{\"allowedOrigins\":[]}|at least one origin"})
    void refusesBadPatchesNamingTheField(String json, String message) {
        assertThatThrownBy(() -> AdminRequests.patch(Json.parse(json))).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void overlapDefaultsTo24HoursAndIsBounded() {
        assertThat(AdminRequests.overlap(null)).isEqualTo(Duration.ofHours(24));
        assertThat(AdminRequests.overlap(Json.parse("{}"))).isEqualTo(Duration.ofHours(24));
        assertThat(AdminRequests.overlap(Json.parse("{\"overlapSeconds\":0}"))).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> AdminRequests.overlap(Json.parse("{\"overlapSeconds\":-1}"))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> AdminRequests.overlap(Json.parse("{\"overlapSeconds\":604801}"))).isInstanceOf(ApiException.class);
    }

    private JsonNode fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/admin/" + name)) {
            return Json.parse(in.readAllBytes());
        }
    }
}
