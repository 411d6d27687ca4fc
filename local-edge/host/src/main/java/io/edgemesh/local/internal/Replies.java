package io.edgemesh.local.internal;

import com.sun.net.httpserver.HttpExchange;
import io.edgemesh.common.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writing replies on the JDK HTTP server, and the common error model for the edge's own errors. */
public final class Replies {
    private Replies() { }

    /** {@code {"error":{"code":...,"message":...}}} with its status. */
    public static FunctionUrlEvents.Reply error(int status, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return json(status, Map.of("error", error));
    }

    public static FunctionUrlEvents.Reply json(int status, Object body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", new ArrayList<>(List.of("application/json")));
        headers.put("cache-control", new ArrayList<>(List.of("no-store")));
        return new FunctionUrlEvents.Reply(status, headers, Json.writeBytes(body));
    }

    public static FunctionUrlEvents.Reply html(int status, String page) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", new ArrayList<>(List.of("text/html; charset=utf-8")));
        headers.put("cache-control", new ArrayList<>(List.of("no-store")));
        return new FunctionUrlEvents.Reply(status, headers, page.getBytes(StandardCharsets.UTF_8));
    }

    public static void send(HttpExchange exchange, FunctionUrlEvents.Reply reply) throws IOException {
        var out = exchange.getResponseHeaders();
        reply.headers().forEach((name, values) -> {
            // the server computes these itself from what is written
            if (name.equalsIgnoreCase("content-length") || name.equalsIgnoreCase("transfer-encoding")) return;
            for (String v : values) out.add(name, v);
        });
        boolean noBody = exchange.getRequestMethod().equalsIgnoreCase("HEAD") || reply.status() == 204
                || reply.status() == 304 || reply.body().length == 0;
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
        if (!noBody) {
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(reply.body());
            }
        }
    }
}
