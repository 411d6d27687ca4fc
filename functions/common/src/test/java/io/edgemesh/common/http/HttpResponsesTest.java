package io.edgemesh.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpResponsesTest {

    @Test
    void json_responses_carry_the_security_headers() {
        APIGatewayV2HTTPResponse r = HttpResponses.ok(Map.of("status", "ready"));
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getHeaders()).containsEntry("x-content-type-options", "nosniff")
                .containsEntry("cache-control", "no-store")
                .containsEntry("content-type", "application/json; charset=utf-8");
        assertThat(Json.parse(r.getBody()).get("status").asText()).isEqualTo("ready");
    }

    @Test
    void api_exception_becomes_the_error_model_with_details_beside_code_and_message() {
        // GIVEN an exception with a detail that tries to overwrite the code
        ApiException e = new ApiException(403, "prompt_blocked", "blocked by policy",
                Map.of("categories", java.util.List.of("injection"), "code", "spoofed"));
        // WHEN it is rendered
        APIGatewayV2HTTPResponse r = HttpResponses.error(e);
        // THEN code and message win, details sit beside them
        JsonNode error = Json.parse(r.getBody()).get("error");
        assertThat(r.getStatusCode()).isEqualTo(403);
        assertThat(error.get("code").asText()).isEqualTo("prompt_blocked");
        assertThat(error.get("message").asText()).isEqualTo("blocked by policy");
        assertThat(error.get("categories").get(0).asText()).isEqualTo("injection");
        assertThat(r.getHeaders()).doesNotContainKey("retry-after");
    }

    @Test
    void rate_limited_sets_retry_after() {
        APIGatewayV2HTTPResponse r = HttpResponses.error(ApiException.rateLimited(7));
        assertThat(r.getStatusCode()).isEqualTo(429);
        assertThat(r.getHeaders()).containsEntry("retry-after", "7");
        assertThat(Json.parse(r.getBody()).at("/error/retryAfterSeconds").asLong()).isEqualTo(7);
        assertThat(Json.parse(r.getBody()).at("/error/code").asText()).isEqualTo("rate_limited");
    }

    @Test
    void an_unexpected_exception_is_a_500_that_reveals_nothing() {
        APIGatewayV2HTTPResponse r = HttpResponses.error(new NullPointerException("secret table name"));
        assertThat(r.getStatusCode()).isEqualTo(500);
        assertThat(r.getBody()).doesNotContain("secret").contains("internal_error");
    }

    @Test
    void payload_too_large_names_the_limit() {
        APIGatewayV2HTTPResponse r = HttpResponses.error(ApiException.payloadTooLarge(16384));
        assertThat(r.getStatusCode()).isEqualTo(413);
        assertThat(Json.parse(r.getBody()).at("/error/limitBytes").asInt()).isEqualTo(16384);
    }
}
