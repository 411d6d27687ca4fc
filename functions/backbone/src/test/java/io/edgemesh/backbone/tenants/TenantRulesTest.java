package io.edgemesh.backbone.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgemesh.common.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TenantRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "a1b", "my-shop-2", "abcdefghijklmnopqrstuvwxyz012345"})
    void acceptsTenantIdsOfLowerCaseLettersDigitsAndInnerHyphens(String id) {
        assertThat(TenantRules.tenantId("id", id)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "Acme", "-acme", "acme-", "ac_me", "ac me", "acme/x", "ac.me", "abcdefghijklmnopqrstuvwxyz0123456",
            "acmé", "acme\n"})
    void refusesOtherTenantIdsNamingTheField(String id) {
        assertThatThrownBy(() -> TenantRules.tenantId("id", id)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("invalid_request");
            assertThat(e.getMessage()).startsWith("id must be 3-32 characters");
        });
    }

    @Test
    void givenNameWithSurroundingSpaceWhenValidatedThenItIsTrimmed() {
        assertThat(TenantRules.name("  Acme Ltd ")).isEqualTo("Acme Ltd");
    }

    @Test
    void refusesBlankLongOrControlCharacterNames() {
        assertInvalid(() -> TenantRules.name("   "), "name must not be blank");
        assertInvalid(() -> TenantRules.name("x".repeat(101)), "name is longer than 100");
        assertInvalid(() -> TenantRules.name("Acme\u0000"), "name contains a control");
        assertInvalid(() -> TenantRules.name("Acme\u202e"), "name contains a control");
        assertThat(TenantRules.name("x".repeat(100))).hasSize(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://acme.example", "https://www.acme.example:8443", "http://localhost:3000",
            "http://127.0.0.1:8080", "https://localhost", "https://10.0.0.1"})
    void acceptsOriginsExactlyAsBrowsersSendThem(String origin) {
        assertThat(TenantRules.origins(List.of(origin))).containsExactly(origin);
    }

    @Test
    void refusesOriginsThatCouldNeverMatchAnOriginHeader() {
        assertInvalid(() -> TenantRules.origins(List.of("http://acme.example")), "allowedOrigins[0] must use https");
        assertInvalid(() -> TenantRules.origins(List.of("https://acme.example/")), "no path");
        assertInvalid(() -> TenantRules.origins(List.of("https://acme.example/path")), "no path");
        assertInvalid(() -> TenantRules.origins(List.of("https://acme.example?x=1")), "no path, query");
        assertInvalid(() -> TenantRules.origins(List.of("https://user@acme.example")), "user");
        assertInvalid(() -> TenantRules.origins(List.of("https://ACME.example")), "'https://acme.example' instead of");
        assertInvalid(() -> TenantRules.origins(List.of("https://acme.example:443")), "'https://acme.example' instead of");
        assertInvalid(() -> TenantRules.origins(List.of("*")), "allowedOrigins[0]");
        assertInvalid(() -> TenantRules.origins(List.of("https://*.acme.example")), "allowedOrigins[0]");
        assertInvalid(() -> TenantRules.origins(List.of("ftp://acme.example")), "must use https");
        assertInvalid(() -> TenantRules.origins(List.of("https://999.1.1.1")), "invalid host");
        assertInvalid(() -> TenantRules.origins(List.of("https://acme.example", "https://acme.example")), "allowedOrigins[1] repeats");
        assertInvalid(() -> TenantRules.origins(List.of()), "at least one origin");
    }

    @Test
    void refusesLimitsOutOfRangeNamingTheLimit() {
        assertInvalid(() -> new TenantLimits(0, 100, 60, 0), "limits.maxUploadBytes must be between 1 and");
        assertInvalid(() -> new TenantLimits(1, 100, 0, 0), "limits.requestsPerMinute");
        assertInvalid(() -> new TenantLimits(1, 100, 60, -1), "limits.monthlyTokenBudget");
    }

    @Test
    void refusesUnknownContentTypesAndScanCategories() {
        assertInvalid(() -> new ScanPolicy(List.of("application/x-msdownload"), 10, Map.of()),
                "scanPolicy.allowedContentTypes[0] must be one of");
        assertInvalid(() -> new ScanPolicy(List.of("application/pdf"), 10, Map.of("javscript", ScanAction.ALLOW)),
                "unknown category 'javscript'");
        assertThat(new ScanPolicy(List.of("application/pdf"), 10, Map.of("javascript", ScanAction.REVIEW)).actions())
                .containsEntry("javascript", ScanAction.REVIEW);
    }

    private static void assertInvalid(Runnable r, String messagePart) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("invalid_request");
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
