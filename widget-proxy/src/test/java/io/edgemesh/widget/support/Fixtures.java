package io.edgemesh.widget.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.edgemesh.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Function-URL events from {@code src/test/resources/events}, with small edits for each case. */
public final class Fixtures {

    private Fixtures() { }

    public static APIGatewayV2HTTPEvent event(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/events/" + name + ".json")) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return Json.MAPPER.readValue(in, APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets (or with a null value removes) a header. */
    public static APIGatewayV2HTTPEvent header(APIGatewayV2HTTPEvent e, String name, String value) {
        Map<String, String> h = new HashMap<>(e.getHeaders());
        if (value == null) h.remove(name); else h.put(name, value);
        e.setHeaders(h);
        return e;
    }

    public static APIGatewayV2HTTPEvent body(APIGatewayV2HTTPEvent e, String body) {
        e.setBody(body);
        e.setIsBase64Encoded(false);
        return e;
    }

    public static APIGatewayV2HTTPEvent method(APIGatewayV2HTTPEvent e, String method) {
        e.getRequestContext().getHttp().setMethod(method);
        return e;
    }

    public static APIGatewayV2HTTPEvent path(APIGatewayV2HTTPEvent e, String path) {
        e.setRawPath(path);
        e.getRequestContext().getHttp().setPath(path);
        return e;
    }

    public static APIGatewayV2HTTPEvent query(APIGatewayV2HTTPEvent e, String name, String value) {
        Map<String, String> q = e.getQueryStringParameters() == null ? new HashMap<>() : new HashMap<>(e.getQueryStringParameters());
        q.put(name, value);
        e.setQueryStringParameters(q);
        return e;
    }

    public static APIGatewayV2HTTPEvent sourceIp(APIGatewayV2HTTPEvent e, String ip) {
        e.getRequestContext().getHttp().setSourceIp(ip);
        return e;
    }
}
