package io.edgemesh.widget.internal;

import io.edgemesh.common.http.HttpRequest;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** W3C trace context: continues a caller's valid {@code traceparent}, starts a new trace otherwise. */
public final class Traceparent {

    private static final Pattern VALID = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Traceparent() { }

    public static String continueOrStart(HttpRequest req) {
        return req.header("traceparent").filter(t -> VALID.matcher(t).matches()).orElseGet(Traceparent::start);
    }

    public static String start() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        HexFormat hex = HexFormat.of();
        return "00-" + hex.formatHex(trace) + "-" + hex.formatHex(span) + "-01";
    }
}
