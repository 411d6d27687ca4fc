package io.edgemesh.widget.internal;

import io.edgemesh.common.ApiException;
import io.edgemesh.common.http.HttpRequest;
import io.edgemesh.widget.WidgetAssets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code assets.get}: the widget files and their manifest. A request naming the current content
 * hash ({@code ?v=<hash>}) may be cached for a year, because that URL can never have other bytes;
 * anything else gets five minutes and an ETag, so a tenant whose snippet has no hash still picks up
 * a new widget quickly. Assets are public and carry {@code Access-Control-Allow-Origin: *}, which
 * Subresource Integrity with {@code crossorigin="anonymous"} requires; they never vary by caller.
 */
public final class AssetServer {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String SHORT = "public, max-age=300";

    private final WidgetAssets assets;

    public AssetServer(WidgetAssets assets) {
        this.assets = assets;
    }

    public HttpResponse serve(HttpRequest req) {
        if (req.path().equals("/widget.json")) {
            return HttpResponse.json(200, assets.manifest())
                    .withHeader("Cache-Control", "public, max-age=60")
                    .withHeader("Access-Control-Allow-Origin", "*");
        }
        WidgetAssets.Asset a = assets.byPath(req.path()).orElseThrow(() -> ApiException.notFound("no asset " + req.path()));
        boolean pinned = req.queryParam("v").filter(a.hash()::equals).isPresent();
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", a.contentType());
        h.put("Cache-Control", pinned ? IMMUTABLE : SHORT);
        h.put("ETag", a.etag());
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Access-Control-Allow-Origin", "*");
        h.put("Cross-Origin-Resource-Policy", "cross-origin");
        h.put("X-Chattia-Integrity", a.integrity());
        h.put("Vary", "Accept-Encoding");
        if (req.header("if-none-match").filter(v -> matches(v, a.etag())).isPresent()) {
            return new HttpResponse(304, h, "");
        }
        if (acceptsGzip(req)) {
            h.put("Content-Encoding", "gzip");
            return new HttpResponse(200, h, Base64.getEncoder().encodeToString(a.gzip()), true);
        }
        return new HttpResponse(200, h, new String(a.bytes(), StandardCharsets.UTF_8));
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String t : ifNoneMatch.split(",")) {
            String v = t.trim();
            if (v.startsWith("W/")) v = v.substring(2);
            if (v.equals(etag) || v.equals("*")) return true;
        }
        return false;
    }

    private static boolean acceptsGzip(HttpRequest req) {
        return req.header("accept-encoding").map(v -> {
            for (String part : v.toLowerCase(java.util.Locale.ROOT).split(",")) {
                String[] p = part.trim().split(";");
                if (p[0].trim().equals("gzip")) {
                    return !(p.length > 1 && p[1].trim().replace(" ", "").matches("q=0(\\.0*)?"));
                }
            }
            return false;
        }).orElse(false);
    }
}
