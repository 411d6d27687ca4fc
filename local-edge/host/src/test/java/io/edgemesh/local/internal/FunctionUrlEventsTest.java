package io.edgemesh.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionUrlEventsTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:15:30.123Z");

    private static FunctionUrlEvents.Request request(Map<String, List<String>> headers, String query, byte[] body) {
        return new FunctionUrlEvents.Request("POST", "/v1/chat", query, headers, body, "10.0.0.7", "HTTP/1.1", AT);
    }

    @Test
    void headersAreLowerCasedAndRepeatedValuesCommaJoinedLikeAFunctionUrl() {
        // GIVEN a request with mixed-case and repeated headers
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Custom", List.of("a", "b"));
        headers.put("Host", List.of("127.0.0.1:8787"));
        headers.put("User-Agent", List.of("curl/8"));
        // WHEN it becomes an event
        APIGatewayV2HTTPEvent e = FunctionUrlEvents.toEvent(request(headers, null, new byte[0]), "req-1");
        // THEN names are lower case, values joined, and the front's own headers are added
        assertThat(e.getHeaders()).containsEntry("x-custom", "a,b").containsEntry("host", "127.0.0.1:8787")
                .containsEntry("x-forwarded-for", "10.0.0.7").containsEntry("x-forwarded-proto", "http")
                .containsEntry("x-forwarded-port", "8787").containsKey("x-amzn-trace-id");
        assertThat(e.getVersion()).isEqualTo("2.0");
        assertThat(e.getRouteKey()).isEqualTo("$default");
        assertThat(e.getRawQueryString()).isEmpty();
        assertThat(e.getQueryStringParameters()).isNull();
        assertThat(e.getBody()).isNull();
        assertThat(e.getIsBase64Encoded()).isFalse();
        APIGatewayV2HTTPEvent.RequestContext rc = e.getRequestContext();
        assertThat(rc.getRequestId()).isEqualTo("req-1");
        assertThat(rc.getTimeEpoch()).isEqualTo(AT.toEpochMilli());
        assertThat(rc.getTime()).isEqualTo("22/Nov/2026:10:15:30 +0000");
        assertThat(rc.getDomainName()).isEqualTo("127.0.0.1:8787");
        assertThat(rc.getHttp().getMethod()).isEqualTo("POST");
        assertThat(rc.getHttp().getPath()).isEqualTo("/v1/chat");
        assertThat(rc.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(rc.getHttp().getSourceIp()).isEqualTo("10.0.0.7");
        assertThat(rc.getHttp().getUserAgent()).isEqualTo("curl/8");
    }

    @Test
    void cookiesMoveOutOfTheHeadersIntoTheCookieList() {
        APIGatewayV2HTTPEvent e = FunctionUrlEvents.toEvent(request(Map.of("Cookie", List.of("a=1; b=2", "c=3")), null,
                new byte[0]), "r");
        assertThat(e.getCookies()).containsExactly("a=1", "b=2", "c=3");
        assertThat(e.getHeaders()).doesNotContainKey("cookie");
    }

    @Test
    void queryParametersAreDecodedAndRepeatedOnesCommaJoined() {
        APIGatewayV2HTTPEvent e = FunctionUrlEvents.toEvent(request(Map.of(), "q=hello%20world&tag=a&tag=b&flag&bad=%zz", null), "r");
        assertThat(e.getRawQueryString()).isEqualTo("q=hello%20world&tag=a&tag=b&flag&bad=%zz");
        assertThat(e.getQueryStringParameters()).containsEntry("q", "hello world").containsEntry("tag", "a,b")
                .containsEntry("flag", "").containsEntry("bad", "%zz");
    }

    @Test
    void textBodiesStayTextAndOthersAreBase64() {
        byte[] json = "{\"m\":\"é\"}".getBytes(StandardCharsets.UTF_8);
        APIGatewayV2HTTPEvent text = FunctionUrlEvents.toEvent(request(Map.of("Content-Type", List.of("application/json; charset=utf-8")),
                null, json), "r");
        assertThat(text.getBody()).isEqualTo("{\"m\":\"é\"}");
        assertThat(text.getIsBase64Encoded()).isFalse();

        byte[] pdf = {0x25, 0x50, 0x44, 0x46, (byte) 0xff};
        APIGatewayV2HTTPEvent binary = FunctionUrlEvents.toEvent(request(Map.of("Content-Type", List.of("application/pdf")),
                null, pdf), "r");
        assertThat(binary.getIsBase64Encoded()).isTrue();
        assertThat(binary.getBody()).isEqualTo("JVBERv8=");

        APIGatewayV2HTTPEvent untyped = FunctionUrlEvents.toEvent(request(Map.of(), null, json), "r");
        assertThat(untyped.getIsBase64Encoded()).isTrue();
    }

    @Test
    void theEventSerialisesToTheFunctionUrlWireNames() throws Exception {
        APIGatewayV2HTTPEvent e = FunctionUrlEvents.toEvent(request(Map.of("Content-Type", List.of("text/plain")), "a=1",
                "hi".getBytes(StandardCharsets.UTF_8)), "r");
        JsonNode wire = LambdaJson.MAPPER.readTree(LambdaJson.MAPPER.writeValueAsBytes(e));
        assertThat(wire.path("isBase64Encoded").isBoolean()).isTrue();
        assertThat(wire.path("rawPath").asText()).isEqualTo("/v1/chat");
        assertThat(wire.path("requestContext").path("http").path("sourceIp").asText()).isEqualTo("10.0.0.7");
        assertThat(wire.has("cookies")).isFalse();
    }

    @Test
    void responseHeadersCookiesAndBase64BodiesMapBack() {
        // GIVEN a handler response with single, multi-value headers, cookies and a binary body
        APIGatewayV2HTTPResponse r = APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                .withHeaders(Map.of("X-One", "1", "Content-Type", "application/octet-stream"))
                .withMultiValueHeaders(Map.of("Vary", List.of("Origin", "Accept")))
                .withCookies(List.of("s=1; HttpOnly", "t=2"))
                .withBody("AAEC").withIsBase64Encoded(true).build();
        // WHEN it is mapped back
        FunctionUrlEvents.Reply reply = FunctionUrlEvents.toReply(r);
        // THEN status, headers, Set-Cookie lines and decoded bytes are on the wire
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.headers()).containsEntry("x-one", List.of("1")).containsEntry("vary", List.of("Origin", "Accept"))
                .containsEntry("set-cookie", List.of("s=1; HttpOnly", "t=2"));
        assertThat(reply.body()).containsExactly(0, 1, 2);
    }

    @Test
    void aResponseWithoutStatusOrContentTypeIsJson200() {
        APIGatewayV2HTTPResponse r = new APIGatewayV2HTTPResponse();
        r.setBody("{\"ok\":true}");
        FunctionUrlEvents.Reply reply = FunctionUrlEvents.toReply(r);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers()).containsEntry("content-type", List.of("application/json"));
    }
}
