package io.edgemesh.tinyml.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgemesh.common.ApiException;
import io.edgemesh.common.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SearchRequestTest {

    @Test
    void givenOnlyAQuery_whenParsed_thenKAndModeTakeTheirDefaults() {
        SearchRequest r = SearchRequest.fromJson(Json.parse("{\"query\":\"  refund policy \"}"));
        assertThat(r).isEqualTo(new SearchRequest("refund policy", 5, SearchMode.HYBRID));
    }

    @Test
    void givenAllFields_whenParsed_thenTheyAreKept() {
        assertThat(SearchRequest.fromJson(Json.parse("{\"query\":\"q\",\"k\":50,\"mode\":\"bm25\"}")))
                .isEqualTo(new SearchRequest("q", 50, SearchMode.BM25));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]", "\"query\"", "{}", "{\"query\":\"\"}", "{\"query\":\"   \"}", "{\"query\":7}", "{\"query\":\"q\",\"k\":0}",
        "{\"query\":\"q\",\"k\":51}", "{\"query\":\"q\",\"k\":2.5}", "{\"query\":\"q\",\"k\":\"5\"}",
        "{\"query\":\"q\",\"k\":99999999999}", "{\"query\":\"q\",\"mode\":\"semantic\"}", "{\"query\":\"q\",\"mode\":\"BM25\"}",
        "{\"query\":\"q\",\"mode\":1}", "{\"query\":\"q\",\"tenantId\":\"other\"}"
    })
    void givenAnInvalidBody_whenParsed_thenItIsA400InvalidRequest(String body) {
        assertThatThrownBy(() -> SearchRequest.fromJson(Json.parse(body)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("invalid_request");
                });
    }

    @Test
    void givenAQueryOfMoreThan1000Characters_whenParsed_thenItIsRefused() {
        assertThat(SearchRequest.fromJson(Json.parse("{\"query\":\"" + "a".repeat(1000) + "\"}")).query()).hasSize(1000);
        assertThatThrownBy(() -> SearchRequest.fromJson(Json.parse("{\"query\":\"" + "a".repeat(1001) + "\"}")))
                .isInstanceOf(ApiException.class).hasMessageContaining("1000");
    }
}
