package io.edgemesh.widget.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tenant's website on its own origin: pages that embed the widget from the edge with the snippet
 * from the README, served with a strict Content-Security-Policy (no inline script or style) and a
 * stylesheet that tries hard to restyle everything, so leaks in either direction would show.
 * The same server answers on {@code 127.0.0.1} and on {@code localhost}: two different origins.
 */
final class TenantSite implements AutoCloseable {

    static final String HOSTILE_CSS = """
            * { font-family: "Comic Sans MS", cursive !important; color: #c00 !important; }
            button, textarea, div, section { background: lime !important; border: 5px dashed #f0f !important;
              font-size: 31px !important; }
            .launcher, .panel, .msg { display: none !important; }
            main { font: 16px/1.5 serif; }
            """;

    private final HttpServer server;
    private final String edge;
    private final Map<String, String> pages = new ConcurrentHashMap<>();

    TenantSite(String edgeBaseUrl) throws IOException {
        this.edge = edgeBaseUrl;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::serve);
        server.start();
    }

    int port() { return server.getAddress().getPort(); }

    /** The origin the tenant allows: {@code http://127.0.0.1:<port>}. */
    String origin() { return "http://127.0.0.1:" + port(); }

    /** The same site under another origin, which the tenant did not allow. */
    String otherOrigin() { return "http://localhost:" + port(); }

    /** Publishes a page embedding the widget with {@code attributes} ({@code data-*} without the prefix). */
    String page(String name, String scriptTag, Map<String, String> attributes) {
        StringBuilder attrs = new StringBuilder();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("endpoint", edge + "/");
        all.putAll(attributes);
        all.forEach((k, v) -> attrs.append(" data-").append(k).append("=\"").append(v).append('"'));
        pages.put("/" + name + ".html", """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Tenant page %s</title>
                <link rel="stylesheet" href="/site.css"></head>
                <body>
                <header><a href="#main">Skip to content</a></header>
                <main id="main"><h1>Welcome to the museum</h1><p>Our visitor information is below.</p>
                <button type="button">A page button</button></main>
                <div data-chattia-embed%s></div>
                %s
                </body>
                </html>
                """.formatted(name, attrs, scriptTag));
        return "/" + name + ".html";
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = URI.create(ex.getRequestURI().toString()).getPath();
            String body;
            String type;
            if (path.equals("/site.css")) {
                body = HOSTILE_CSS;
                type = "text/css; charset=utf-8";
            } else if (pages.containsKey(path)) {
                body = pages.get(path);
                type = "text/html; charset=utf-8";
                // What a careful tenant sends: scripts and connections only to itself and the edge.
                ex.getResponseHeaders().add("Content-Security-Policy", "default-src 'none'; script-src " + edge
                        + "; connect-src " + edge + "; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'");
            } else {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
