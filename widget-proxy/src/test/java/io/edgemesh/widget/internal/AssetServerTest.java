package io.edgemesh.widget.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.common.Json;
import io.edgemesh.common.http.HttpRequest;
import io.edgemesh.widget.WidgetAssets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** /widget.js, /widget.css and /widget.json: content types, cache headers, integrity. */
class AssetServerTest {

    private final WidgetAssets assets = WidgetAssets.load();
    private final AssetServer server = new AssetServer(assets);

    private HttpResponse get(String path, Map<String, String> query, Map<String, String> headers) {
        return server.serve(new HttpRequest("GET", path, headers, query, Map.of(), new byte[0], "203.0.113.7", "r1"));
    }

    @Test
    void scriptWithItsContentHashIsImmutableForAYear() {
        HttpResponse r = get("/widget.js", Map.of("v", assets.version()), Map.of());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(r.header("cache-control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(r.header("access-control-allow-origin")).as("SRI with crossorigin needs CORS").isEqualTo("*");
    }

    @Test
    void scriptWithoutOrWithAStaleHashIsCachedBrieflyWithAnEtag() {
        for (Map<String, String> q : java.util.List.of(Map.<String, String>of(), Map.of("v", "0000000000"))) {
            HttpResponse r = get("/widget.js", q, Map.of());
            assertThat(r.header("cache-control")).isEqualTo("public, max-age=300");
            assertThat(r.header("etag")).isEqualTo("\"" + assets.version() + "\"");
        }
    }

    @Test
    void matchingEtagIsNotModified() {
        HttpResponse r = get("/widget.js", Map.of(), Map.of("if-none-match", "W/\"" + assets.version() + "\""));
        assertThat(r.status()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void stylesheetIsServedAsCss() {
        HttpResponse r = get("/widget.css", Map.of(), Map.of());
        assertThat(r.header("content-type")).isEqualTo("text/css; charset=utf-8");
        assertThat(r.body()).contains(":host");
    }

    @Test
    void publishedIntegrityIsTheSha384OfTheServedBytes() throws Exception {
        HttpResponse r = get("/widget.js", Map.of(), Map.of());
        String expected = "sha384-" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-384").digest(r.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(r.header("x-chattia-integrity")).isEqualTo(expected);
        assertThat(assets.script().integrity()).isEqualTo(expected);
        assertThat(assets.scriptTag("https://edge.example/")).contains("integrity=\"" + expected + "\"")
                .contains("crossorigin=\"anonymous\"").contains("/widget.js?v=" + assets.version());
    }

    @Test
    void gzipIsTheSameBytes() throws IOException {
        HttpResponse r = get("/widget.js", Map.of(), Map.of("accept-encoding", "gzip, br"));
        assertThat(r.header("content-encoding")).isEqualTo("gzip");
        assertThat(r.base64Encoded()).isTrue();
        byte[] plain = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(r.body()))).readAllBytes();
        assertThat(plain).isEqualTo(assets.script().bytes());
        assertThat(get("/widget.js", Map.of(), Map.of("accept-encoding", "gzip;q=0")).header("content-encoding")).isNull();
    }

    @Test
    void stylesheetIsBuiltIntoTheScript() {
        assertThat(new String(assets.script().bytes(), StandardCharsets.UTF_8))
                .doesNotContain("/*@chattia-css*/")
                .contains(Json.write(new String(assets.stylesheet().bytes(), StandardCharsets.UTF_8)));
    }

    @Test
    void manifestPublishesPathsAndIntegrity() {
        HttpResponse r = get("/widget.json", Map.of(), Map.of());
        var m = Json.parse(r.body());
        assertThat(m.get("version").asText()).isEqualTo(assets.version());
        assertThat(m.at("/script/path").asText()).isEqualTo("/widget.js?v=" + assets.version());
        assertThat(m.at("/script/integrity").asText()).isEqualTo(assets.script().integrity());
        assertThat(m.at("/stylesheet/integrity").asText()).isEqualTo(assets.stylesheet().integrity());
    }
}
