package io.edgemesh.local.internal;

/**
 * The local demo page: the Chattia widget embedded for the demo tenant, exactly as a tenant would
 * paste it. Without a demo tenant (the admin function not built yet) it says so instead.
 */
public final class DemoPage {
    private DemoPage() { }

    /**
     * @param base           the origin the browser used, e.g. {@code http://127.0.0.1:8787}
     * @param publishableKey the demo tenant's {@code pk_...}, or null when there is none
     * @param note           why there is no demo tenant, shown when the key is null
     */
    public static String render(String base, String publishableKey, String note) {
        String b = escape(base);
        StringBuilder html = new StringBuilder(2048);
        html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>EdgeMesh demo</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem;line-height:1.5}")
                .append("code{background:#f2f2f2;padding:.1rem .3rem;border-radius:.2rem}</style>\n")
                .append("</head>\n<body>\n<main>\n<h1>EdgeMesh demo</h1>\n");
        if (publishableKey != null) {
            html.append("<p>This page embeds the Chattia widget for the demo tenant (key <code>")
                    .append(escape(publishableKey)).append("</code>). It answers from its sample document, the handbook of ")
                    .append("Fernbrook Cycles, a fictional bicycle shop: ask about opening hours, returns, shipping or repairs. ")
                    .append("Chat unlocks a few seconds after start, once the document is scanned and indexed; ")
                    .append("upload your own PDFs with the demo tenant's secret key.</p>\n")
                    .append("<div data-chattia-embed data-endpoint=\"").append(b).append("/\" data-key=\"")
                    .append(escape(publishableKey)).append("\" data-title=\"EdgeMesh demo\"></div>\n")
                    .append("<script src=\"").append(b).append("/widget.js\" defer></script>\n");
        } else {
            html.append("<p>The demo tenant does not exist yet: ").append(escape(note == null ? "unknown reason" : note))
                    .append(".</p>\n<p>Health: <a href=\"").append(b).append("/health\">").append(b).append("/health</a></p>\n");
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
