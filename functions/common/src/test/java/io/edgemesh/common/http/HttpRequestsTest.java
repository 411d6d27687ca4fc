package io.edgemesh.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRequestsTest {

    private static APIGatewayV2HTTPEvent fixture() {
        return Fixtures.read("http/function-url-post.json", APIGatewayV2HTTPEvent.class);
    }

    @Test
    void function_url_event_becomes_a_request_with_case_insensitive_headers() {
        // GIVEN a function-URL POST as Lambda delivers it
        // WHEN it is parsed with an 8 KB limit
        HttpRequest r = HttpRequests.parse(fixture(), 8 * 1024);
        // THEN method, path, headers, query and body are there
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/search");
        assertThat(r.header("x-edgemesh-key")).contains("sk_live_abc");
        assertThat(r.header("X-EDGEMESH-KEY")).contains("sk_live_abc");
        assertThat(r.header("authorization")).isEmpty();
        assertThat(r.queryParam("limit")).contains("5");
        assertThat(r.sourceIp()).isEqualTo("203.0.113.7");
        assertThat(r.requestId()).isEqualTo("req-123");
        assertThat(r.jsonBody().get("query").asText()).isEqualTo("opening hours");
    }

    @Test
    void base64_bodies_are_decoded() {
        APIGatewayV2HTTPEvent e = fixture();
        e.setBody(Base64.getEncoder().encodeToString("{\"q\":\"é\"}".getBytes(StandardCharsets.UTF_8)));
        e.setIsBase64Encoded(true);
        assertThat(HttpRequests.parse(e, 100).jsonBody().get("q").asText()).isEqualTo("é");
    }

    @Test
    void a_body_over_the_limit_is_413_payload_too_large_in_both_encodings() {
        APIGatewayV2HTTPEvent e = fixture();
        e.setBody("x".repeat(101));
        assertStatus(() -> HttpRequests.parse(e, 100), 413, "payload_too_large");

        // multi-byte characters: 40 chars but 120 bytes
        e.setBody("€".repeat(40));
        assertStatus(() -> HttpRequests.parse(e, 100), 413, "payload_too_large");

        e.setBody(Base64.getEncoder().encodeToString(new byte[101]));
        e.setIsBase64Encoded(true);
        assertStatus(() -> HttpRequests.parse(e, 100), 413, "payload_too_large");

        e.setBody(Base64.getEncoder().encodeToString(new byte[100]));
        assertThat(HttpRequests.parse(e, 100).body()).hasSize(100);
    }

    @Test
    void a_route_without_a_body_refuses_any_body() {
        APIGatewayV2HTTPEvent e = fixture();
        e.setBody("{}");
        assertStatus(() -> HttpRequests.parse(e, 0), 413, "payload_too_large");
    }

    @Test
    void broken_base64_malformed_json_and_wrong_content_type_are_4xx() {
        APIGatewayV2HTTPEvent e = fixture();
        e.setBody("%%%not-base64");
        e.setIsBase64Encoded(true);
        assertStatus(() -> HttpRequests.parse(e, 1000), 400, "invalid_request");

        APIGatewayV2HTTPEvent bad = fixture();
        bad.setBody("{\"query\": ");
        assertStatus(() -> HttpRequests.parse(bad, 1000).jsonBody(), 400, "invalid_request");

        APIGatewayV2HTTPEvent dup = fixture();
        dup.setBody("{\"a\":1,\"a\":2}");
        assertStatus(() -> HttpRequests.parse(dup, 1000).jsonBody(), 400, "invalid_request");

        APIGatewayV2HTTPEvent form = fixture();
        form.setHeaders(Map.of("content-type", "application/x-www-form-urlencoded"));
        assertStatus(() -> HttpRequests.parse(form, 1000).jsonBody(), 415, "unsupported_media_type");

        APIGatewayV2HTTPEvent empty = fixture();
        empty.setBody(null);
        assertStatus(() -> HttpRequests.parse(empty, 1000).jsonBody(), 400, "invalid_request");
    }

    @Test
    void a_null_or_skeletal_event_does_not_throw_anything_but_an_api_exception() {
        assertStatus(() -> HttpRequests.parse(null, 10), 400, "invalid_request");
        HttpRequest r = HttpRequests.parse(new APIGatewayV2HTTPEvent(), 10);
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo("/");
        assertThat(r.headers()).isEmpty();
        assertThat(r.hasBody()).isFalse();
    }

    private static void assertStatus(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
