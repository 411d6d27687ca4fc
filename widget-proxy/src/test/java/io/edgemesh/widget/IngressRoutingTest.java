package io.edgemesh.widget;

import static io.edgemesh.widget.support.Fixtures.body;
import static io.edgemesh.widget.support.Fixtures.event;
import static io.edgemesh.widget.support.Fixtures.header;
import static io.edgemesh.widget.support.Fixtures.method;
import static io.edgemesh.widget.support.Fixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import io.edgemesh.widget.support.TestIngress;
import org.junit.jupiter.api.Test;

/** Routing from the shared route table and the request checks that come before any layer is called. */
class IngressRoutingTest {

    private final TestIngress t = new TestIngress();
    private final IngressHandler handler = new IngressHandler(t.ingress());

    private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent e) { return handler.handleRequest(e, null); }

    static JsonNode json(APIGatewayV2HTTPResponse r) { return Json.parse(r.getBody()); }

    @Test
    void unknownPathIsNotFoundInTheErrorModel() {
        // GIVEN a path no route declares WHEN it is requested
        APIGatewayV2HTTPResponse r = call(event("unknown-path"));
        // THEN 404 not_found in the common error model, with the request id echoed
        assertThat(r.getStatusCode()).isEqualTo(404);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("not_found");
        assertThat(json(r).at("/error/message").asText()).isNotBlank();
        assertThat(r.getHeaders()).containsEntry("x-request-id", "req-0001");
        assertThat(t.layers.calls()).isEmpty();
    }

    @Test
    void knownPathWithAnotherMethodIsMethodNotAllowedWithAllow() {
        // GIVEN /v1/documents/{id} which has GET and DELETE WHEN PUT is sent
        APIGatewayV2HTTPResponse r = call(method(event("document-get"), "PUT"));
        // THEN 405 with the allowed methods, in the body and in Allow
        assertThat(r.getStatusCode()).isEqualTo(405);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("method_not_allowed");
        assertThat(r.getHeaders().get("allow")).isEqualTo("GET, DELETE");
    }

    @Test
    void localOnlyRoutesAreNotServedByTheFunction() {
        // GIVEN /health, which only the local edge serves
        APIGatewayV2HTTPResponse r = call(path(event("unknown-path"), "/health"));
        // THEN the function does not know it
        assertThat(r.getStatusCode()).isEqualTo(404);
    }

    @Test
    void bodyOverTheRouteLimitIsPayloadTooLarge() {
        // GIVEN a chat body of 17 KB (the chat route accepts 16 KB)
        String big = "{\"message\":\"" + "a".repeat(17 * 1024) + "\"}";
        APIGatewayV2HTTPResponse r = call(body(event("chat-first-message"), big));
        // THEN 413 payload_too_large with the limit, and the widget may read it (CORS)
        assertThat(r.getStatusCode()).isEqualTo(413);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("payload_too_large");
        assertThat(json(r).at("/error/limitBytes").asInt()).isEqualTo(16 * 1024);
        assertThat(r.getHeaders()).containsEntry("access-control-allow-origin", "https://shop.example");
        assertThat(t.layers.calls()).isEmpty();
    }

    @Test
    void bodyOnARouteThatTakesNoneIsPayloadTooLarge() {
        // GIVEN GET /v1/documents/{id} (limit 0) with a body
        APIGatewayV2HTTPResponse r = call(header(body(event("document-get"), "{}"), "content-type", "application/json"));
        assertThat(r.getStatusCode()).isEqualTo(413);
    }

    @Test
    void bodyOverEveryRouteLimitIsRefusedBeforeDecoding() {
        // GIVEN a base64 body far above the largest route limit
        APIGatewayV2HTTPEvent e = event("chat-base64-body");
        e.setBody("QUFB".repeat(40_000));
        APIGatewayV2HTTPResponse r = call(e);
        assertThat(r.getStatusCode()).isEqualTo(413);
    }

    @Test
    void malformedJsonIsInvalidRequest() {
        // GIVEN a secret-key call whose JSON is cut off
        APIGatewayV2HTTPResponse r = call(body(event("guard-secret-key"), "{\"text\": \"unterminated"));
        // THEN 400 invalid_request, and nothing is forwarded
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("invalid_request");
        assertThat(t.layers.calls()).isEmpty();
    }

    @Test
    void duplicateKeysAreInvalidRequest() {
        APIGatewayV2HTTPResponse r = call(body(event("guard-secret-key"), "{\"text\":\"a\",\"text\":\"b\"}"));
        assertThat(r.getStatusCode()).isEqualTo(400);
    }

    @Test
    void nonJsonBodyIsUnsupportedMediaType() {
        APIGatewayV2HTTPResponse r = call(header(event("guard-secret-key"), "content-type", "text/plain"));
        assertThat(r.getStatusCode()).isEqualTo(415);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("unsupported_media_type");
    }

    @Test
    void brokenBase64BodyIsInvalidRequest() {
        APIGatewayV2HTTPEvent e = event("chat-base64-body");
        e.setBody("not base64 at all!");
        assertThat(call(e).getStatusCode()).isEqualTo(400);
    }

    @Test
    void anUnexpectedFailureIsA500WithoutInternals() {
        // GIVEN a layer client that breaks with a programming error
        t.layers.answer("firewall", "guard", b -> { throw new IllegalStateException("secret internal detail"); });
        APIGatewayV2HTTPResponse r = call(event("guard-secret-key"));
        // THEN 500 internal_error, and the detail stays in the log
        assertThat(r.getStatusCode()).isEqualTo(500);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("internal_error");
        assertThat(r.getBody()).doesNotContain("secret internal detail");
    }

    @Test
    void everyApiResponseIsUncacheableJson() {
        t.layers.answer("firewall", "guard", 200, "{\"action\":\"allow\"}");
        APIGatewayV2HTTPResponse r = call(event("guard-secret-key"));
        assertThat(r.getHeaders()).containsEntry("content-type", "application/json; charset=utf-8")
                .containsEntry("cache-control", "no-store").containsEntry("x-content-type-options", "nosniff");
    }


    @Test
    void widgetAssetsArePublicAndCompressedForBrowsersThatAskForIt() {
        // GIVEN a browser fetching /widget.js with Accept-Encoding: gzip and no credentials
        APIGatewayV2HTTPResponse r = call(event("widget-js"));
        // THEN the script, gzip-compressed and base64-encoded as function URLs require for binary bodies
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getHeaders()).containsEntry("content-type", "text/javascript; charset=utf-8")
                .containsEntry("content-encoding", "gzip").containsEntry("access-control-allow-origin", "*");
        assertThat(r.getIsBase64Encoded()).isTrue();
        // AND the manifest route answers with the same version
        APIGatewayV2HTTPResponse m = call(path(event("widget-js"), "/widget.json"));
        assertThat(m.getStatusCode()).isEqualTo(200);
        assertThat(r.getHeaders().get("etag")).isEqualTo("\"" + json(m).get("version").asText() + "\"");
    }

    @Test
    void assetsRefuseOtherMethods() {
        APIGatewayV2HTTPResponse r = call(method(event("widget-js"), "POST"));
        assertThat(r.getStatusCode()).isEqualTo(405);
        assertThat(r.getHeaders()).containsEntry("allow", "GET");
    }
}
