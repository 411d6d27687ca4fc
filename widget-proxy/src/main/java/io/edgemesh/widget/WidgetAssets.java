package io.edgemesh.widget;

import io.edgemesh.common.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * The Chattia widget's files as served from Layer 1: {@code /widget.js} (with the stylesheet built
 * in, so one request and one integrity hash cover everything) and {@code /widget.css} (for pages
 * that prefer a {@code <link>}), each with a content hash for cache busting and a {@code sha384}
 * Subresource Integrity value. Everything is computed once when the class loads the resources, so
 * the hash always describes the exact bytes served. The local edge's demo page uses
 * {@link #scriptTag(String)} to embed the widget the way a tenant would.
 */
public final class WidgetAssets {

    static final String CSS_PLACEHOLDER = "/*@chattia-css*/\"\"";

    /** One served file. */
    public record Asset(String path, String contentType, byte[] bytes, byte[] gzip, String hash, String integrity) {
        public String etag() { return "\"" + hash + "\""; }
    }

    private final Asset js;
    private final Asset css;
    private final String version;

    private WidgetAssets(Asset js, Asset css) {
        this.js = js;
        this.css = css;
        this.version = js.hash();
    }

    /** Loads the widget from this module's classpath resources under {@code /widget/}. */
    public static WidgetAssets load() {
        String cssText = resource("/widget/widget.css");
        String jsText = resource("/widget/widget.js");
        if (!jsText.contains(CSS_PLACEHOLDER)) {
            throw new IllegalStateException("widget.js has no stylesheet placeholder " + CSS_PLACEHOLDER);
        }
        // The stylesheet becomes a JS string literal (JSON string syntax is valid JS) inside the script.
        String built = jsText.replace(CSS_PLACEHOLDER, Json.write(cssText));
        Asset css = asset("/widget.css", "text/css; charset=utf-8", cssText.getBytes(StandardCharsets.UTF_8));
        Asset js = asset("/widget.js", "text/javascript; charset=utf-8", built.getBytes(StandardCharsets.UTF_8));
        return new WidgetAssets(js, css);
    }

    /** The content hash of the widget, the value of {@code ?v=} in versioned URLs. */
    public String version() { return version; }

    public Asset script() { return js; }

    public Asset stylesheet() { return css; }

    /** The asset served at {@code path}, if any. */
    public Optional<Asset> byPath(String path) {
        if (path.equals(js.path())) return Optional.of(js);
        if (path.equals(css.path())) return Optional.of(css);
        return Optional.empty();
    }

    /** {@code /widget.js?v=<hash>} (or the stylesheet): the URL that may be cached for a year. */
    public String versionedPath(Asset a) { return a.path() + "?v=" + a.hash(); }

    /** The script tag a tenant pastes, with integrity and crossorigin so the browser verifies the bytes. */
    public String scriptTag(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return "<script src=\"" + base + versionedPath(js) + "\" integrity=\"" + js.integrity()
                + "\" crossorigin=\"anonymous\" defer></script>";
    }

    /** What {@code /widget.json} publishes: paths, hashes and integrity values. */
    public Map<String, Object> manifest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version);
        m.put("script", describe(js));
        m.put("stylesheet", describe(css));
        return m;
    }

    private Map<String, Object> describe(Asset a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", versionedPath(a));
        m.put("integrity", a.integrity());
        m.put("bytes", a.bytes().length);
        m.put("gzipBytes", a.gzip().length);
        return m;
    }

    private static Asset asset(String path, String type, byte[] bytes) {
        String hash = HexFormat.of().formatHex(digest("SHA-256", bytes), 0, 10);
        String integrity = "sha384-" + Base64.getEncoder().encodeToString(digest("SHA-384", bytes));
        return new Asset(path, type, bytes, gzip(bytes), hash, integrity);
    }

    private static String resource(String name) {
        try (InputStream in = WidgetAssets.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] digest(String alg, byte[] bytes) {
        try {
            return MessageDigest.getInstance(alg).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out) { { def.setLevel(9); } }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
