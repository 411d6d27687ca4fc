package io.edgemesh.local.internal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns an HTTP request into the event a Lambda function URL delivers (payload format 2.0) and
 * the handler's response back into status, headers and body, following the function URL rules:
 * header names lower-cased and repeated values comma-joined, cookies moved out of the headers
 * into {@code cookies}, query values decoded and comma-joined, text bodies as text and everything
 * else base64, {@code Set-Cookie} from {@code cookies}.
 */
public final class FunctionUrlEvents {

    /** A request as received, before conversion. Header names in any case, values in order. */
    public record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                          byte[] body, String sourceIp, String protocol, Instant received) { }

    /** A response ready to write: status, headers (several values per name allowed), body bytes. */
    public record Reply(int status, Map<String, List<String>> headers, byte[] body) { }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Set<String> TEXT_TYPES = Set.of("application/json", "application/javascript",
            "application/xml", "application/x-www-form-urlencoded", "application/ld+json", "application/graphql",
            "application/yaml", "application/x-yaml", "application/vnd.api+json", "application/problem+json");

    private FunctionUrlEvents() { }

    public static APIGatewayV2HTTPEvent toEvent(Request r, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        r.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                for (String v : values) {
                    for (String c : v.split(";")) {
                        if (!c.isBlank()) cookies.add(c.strip());
                    }
                }
                return;
            }
            headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
        });
        // what the function URL front adds: the caller's address, scheme, port and a trace id
        String forwarded = headers.get("x-forwarded-for");
        headers.put("x-forwarded-for", forwarded == null ? r.sourceIp() : forwarded + ", " + r.sourceIp());
        headers.put("x-forwarded-proto", "http");
        String host = headers.getOrDefault("host", "127.0.0.1");
        int colon = host.lastIndexOf(':');
        headers.put("x-forwarded-port", colon > 0 && host.indexOf(']') < colon ? host.substring(colon + 1) : "80");
        headers.putIfAbsent("x-amzn-trace-id", traceId(r.received()));

        String rawQuery = r.rawQuery() == null ? "" : r.rawQuery();
        Map<String, String> query = parseQuery(rawQuery);

        String body = null;
        boolean base64 = false;
        if (r.body() != null && r.body().length > 0) {
            if (isText(headers.get("content-type"))) {
                body = new String(r.body(), StandardCharsets.UTF_8);
            } else {
                body = Base64.getEncoder().encodeToString(r.body());
                base64 = true;
            }
        }

        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(r.method()).withPath(r.rawPath()).withProtocol(r.protocol())
                .withSourceIp(r.sourceIp()).withUserAgent(headers.get("user-agent")).build();
        String domain = host;
        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRouteKey("$default").withStage("$default").withAccountId("anonymous").withApiId("local")
                .withDomainName(domain).withDomainPrefix(domainPrefix(domain))
                .withTime(TIME.format(r.received())).withTimeEpoch(r.received().toEpochMilli())
                .withRequestId(requestId).withHttp(http).build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("$default")
                .withRawPath(r.rawPath()).withRawQueryString(rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withRequestContext(context)
                .withBody(body).withIsBase64Encoded(base64)
                .build();
    }

    /** The handler's response as it goes back on the wire. */
    public static Reply toReply(APIGatewayV2HTTPResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((k, v) -> {
                if (k != null && v != null) headers.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).add(v);
            });
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((k, vs) -> {
                if (k == null || vs == null) return;
                List<String> list = headers.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>());
                for (String v : vs) {
                    if (v != null && !list.contains(v)) list.add(v);
                }
            });
        }
        if (response.getCookies() != null) {
            List<String> set = headers.computeIfAbsent("set-cookie", x -> new ArrayList<>());
            for (String c : response.getCookies()) {
                if (c != null) set.add(c);
            }
        }
        byte[] body = new byte[0];
        if (response.getBody() != null) {
            body = response.getIsBase64Encoded()
                    ? Base64.getDecoder().decode(response.getBody())
                    : response.getBody().getBytes(StandardCharsets.UTF_8);
        }
        if (body.length > 0 && !headers.containsKey("content-type")) {
            headers.put("content-type", new ArrayList<>(List.of("application/json")));
        }
        int status = response.getStatusCode() == 0 ? 200 : response.getStatusCode();
        return new Reply(status, headers, body);
    }

    /** Function URLs pass {@code text/*} and the common textual application types as text. */
    static boolean isText(String contentType) {
        if (contentType == null) return false;
        String base = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return base.startsWith("text/") || TEXT_TYPES.contains(base) || base.endsWith("+json") || base.endsWith("+xml");
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) return query;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.merge(name, value, (a, b) -> a + "," + b);
        }
        return query;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s; // a stray '%' stays as sent; the function decides what it means
        }
    }

    private static String domainPrefix(String domain) {
        String h = domain.startsWith("[") ? domain : domain.split(":", 2)[0];
        int dot = h.indexOf('.');
        return dot > 0 ? h.substring(0, dot) : h;
    }

    private static String traceId(Instant at) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        return String.format("Root=1-%08x-%016x%08x", at.getEpochSecond(), rnd.nextLong(), rnd.nextInt());
    }
}
