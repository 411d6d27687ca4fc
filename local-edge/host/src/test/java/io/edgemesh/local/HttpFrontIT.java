package io.edgemesh.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import io.edgemesh.emulators.Emulators;
import io.edgemesh.local.support.EchoIngress;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The HTTP front with a tiny echoing ingress: requests become function-URL events, responses map
 * back, unknown routes are 404 and oversized bodies 413 in the error model, and Lambda's invoke API
 * answers the AWS SDK's {@link LambdaClient} like Lambda does.
 */
class HttpFrontIT {
    private static final String PREFIX = "it-http";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalEdge edge;
    private static LambdaClient lambda;

    @BeforeAll
    static void start() {
        RequestStreamHandler echo = (in, out, ctx) -> out.write(in.readAllBytes());
        RequestStreamHandler boom = (in, out, ctx) -> {
            throw new IllegalStateException("generate failed");
        };
        edge = LocalEdge.start(LocalEdgeConfig.inMemory().withEmulators(Emulators.shared()).withPrefix(PREFIX)
                .withDemoTenant(false).withFunctions(FunctionFactory.of(Map.of(
                        "ingress", env -> new EchoIngress(), "firewall", env -> echo, "generate", env -> boom))));
        lambda = LambdaClient.builder().endpointOverride(URI.create(edge.baseUrl())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("edgemesh", "x")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @AfterAll
    static void stop() {
        if (lambda != null) lambda.close();
        if (edge != null) edge.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String pathAndQuery) {
        return URI.create(edge.baseUrl() + pathAndQuery);
    }

    @Test
    void aRequestReachesTheIngressAsAFunctionUrlEventAndItsResponseMapsBack() throws Exception {
        // GIVEN a browser-like chat request
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/v1/chat?lang=en&tag=a&tag=b"))
                .header("X-EdgeMesh-Key", "pk_test").header("Origin", "https://acme.example").header("Cookie", "sid=1; x=2")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hola\"}")));
        // THEN the handler's status, headers and cookies come back
        assertThat(r.statusCode()).isEqualTo(207);
        assertThat(r.headers().firstValue("x-echo")).contains("yes");
        assertThat(r.headers().allValues("set-cookie")).containsExactly("a=1; Path=/", "b=2; HttpOnly");
        assertThat(r.headers().firstValue("x-amzn-requestid")).isPresent();
        // AND the handler saw the event a function URL delivers, with a real Context
        JsonNode e = Json.parse(r.body()).path("event");
        assertThat(e.path("version").asText()).isEqualTo("2.0");
        assertThat(e.path("rawPath").asText()).isEqualTo("/v1/chat");
        assertThat(e.path("rawQueryString").asText()).isEqualTo("lang=en&tag=a&tag=b");
        assertThat(e.path("queryStringParameters").path("tag").asText()).isEqualTo("a,b");
        assertThat(e.path("cookies")).extracting(JsonNode::asText).containsExactly("sid=1", "x=2");
        assertThat(e.path("headers").path("x-edgemesh-key").asText()).isEqualTo("pk_test");
        assertThat(e.path("headers").path("origin").asText()).isEqualTo("https://acme.example");
        assertThat(e.path("headers").has("cookie")).isFalse();
        assertThat(e.path("body").asText()).isEqualTo("{\"message\":\"hola\"}");
        assertThat(e.path("isBase64Encoded").asBoolean()).isFalse();
        JsonNode http = e.path("requestContext").path("http");
        assertThat(http.path("method").asText()).isEqualTo("POST");
        assertThat(http.path("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(e.path("requestContext").path("requestId").asText())
                .isEqualTo(r.headers().firstValue("x-amzn-requestid").orElseThrow());
        JsonNode c = Json.parse(r.body()).path("context");
        assertThat(c.path("functionName").asText()).isEqualTo(PREFIX + "-ingress");
        assertThat(c.path("memory").asInt()).isEqualTo(1024);
        assertThat(c.path("remaining").asInt()).isBetween(1, 30_000);
    }

    @Test
    void anUnknownRouteIs404InTheCommonErrorModel() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/no/such/route")));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(Json.parse(r.body()).path("error").path("code").asText()).isEqualTo("not_found");
        assertThat(Json.parse(r.body()).path("error").path("message").asText()).isNotBlank();
    }

    @Test
    void aBodyOverTheRoutesLimitIs413WhetherDeclaredOrStreamed() throws Exception {
        byte[] big = new byte[16 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        HttpResponse<String> declared = send(HttpRequest.newBuilder(uri("/v1/chat")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(Json.parse(declared.body()).path("error").path("code").asText()).isEqualTo("payload_too_large");
        // chunked: no length up front, the edge stops reading after limit + 1 bytes
        HttpResponse<String> streamed = send(HttpRequest.newBuilder(uri("/v1/chat")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[1024 * 1024]))));
        assertThat(streamed.statusCode()).isEqualTo(413);
        // exactly at the limit is accepted
        HttpResponse<String> atLimit = send(HttpRequest.newBuilder(uri("/v1/chat")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[16 * 1024])));
        assertThat(atLimit.statusCode()).isEqualTo(207);
    }

    @Test
    void aFailingIngressIs502NotA500() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/v1/documents?throw")).header("Authorization", "Bearer sk_x"));
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(Json.parse(r.body()).path("error").path("code").asText()).isEqualTo("upstream_unavailable");
    }

    @Test
    void healthIs200WithEveryServerUpAndDemoServesAPage() throws Exception {
        HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/health")));
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode h = Json.parse(health.body());
        assertThat(h.path("servers")).hasSize(3).allSatisfy(s -> assertThat(s.path("status").asText()).isEqualTo("up"));
        assertThat(h.path("functions").path("ingress").path("status").asText()).isEqualTo("loaded");
        assertThat(h.path("functions").path("admin").path("status").asText()).isEqualTo("missing");
        assertThat(h.path("queues").path("index-requests.fifo").has("dlqDepth")).isTrue();
        assertThat(h.path("version").asText()).isNotBlank().isNotEqualTo("unknown");
        HttpResponse<String> demo = send(HttpRequest.newBuilder(uri("/demo")));
        assertThat(demo.statusCode()).isEqualTo(200);
        assertThat(demo.headers().firstValue("content-type").orElseThrow()).startsWith("text/html");
        assertThat(send(HttpRequest.newBuilder(uri("/health")).DELETE()).statusCode()).isEqualTo(405);
    }

    @Test
    void theTenantCommandPostsTheTenantWithTheAdminTokenAndPrintsTheAnswer() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code = TenantCli.run(new String[] {"create", "--id", "acme", "--origin", "https://acme.example", "--name", "Acme",
                        "--url", edge.baseUrl()}, Map.of("EDGEMESH_ADMIN_TOKEN", "admin-from-env"),
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        // the echo ingress answers 207 with what it received
        assertThat(code).isZero();
        JsonNode e = Json.parse(out.toString(StandardCharsets.UTF_8).lines()
                .takeWhile(l -> !l.startsWith("(")).reduce("", (a, b) -> a + b + "\n")).path("event");
        assertThat(e.path("rawPath").asText()).isEqualTo("/admin/tenants");
        assertThat(e.path("headers").path("authorization").asText()).isEqualTo("Bearer admin-from-env");
        JsonNode body = Json.parse(e.path("body").asText());
        assertThat(body.path("id").asText()).isEqualTo("acme");
        assertThat(body.path("name").asText()).isEqualTo("Acme");
        assertThat(body.path("allowedOrigins")).extracting(JsonNode::asText).containsExactly("https://acme.example");
    }

    @Test
    void theLambdaInvokeApiAnswersTheAwsSdkLikeLambda() {
        // a payload in, the same payload out
        InvokeResponse ok = lambda.invoke(b -> b.functionName(PREFIX + "-firewall")
                .payload(SdkBytes.fromString("{\"x\":1}", StandardCharsets.UTF_8)));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.functionError()).isNull();
        assertThat(ok.payload().asUtf8String()).isEqualTo("{\"x\":1}");
        assertThat(ok.executedVersion()).isEqualTo("$LATEST");
        // a throwing handler: 200, FunctionError Unhandled, Lambda's error document
        InvokeResponse failed = lambda.invoke(b -> b.functionName(PREFIX + "-generate").payload(SdkBytes.fromUtf8String("{}")));
        assertThat(failed.functionError()).isEqualTo("Unhandled");
        assertThat(Json.parse(failed.payload().asByteArray()).path("errorMessage").asText()).isEqualTo("generate failed");
        // an unknown function: the SDK's ResourceNotFoundException
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName(PREFIX + "-nope").payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
