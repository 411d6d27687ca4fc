package io.edgemesh.analysis.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A clamd client speaking the INSTREAM protocol over TCP: {@code zINSTREAM\0}, then chunks each
 * prefixed with a 4-byte big-endian length, then a zero length; clamd answers
 * {@code stream: OK}, {@code stream: <signature> FOUND} or {@code ... ERROR}, terminated by NUL.
 * One connection per scan; connect and read timeouts bound how long an unresponsive daemon can
 * hold a function.
 */
public final class ClamdClient {

    private static final int CHUNK = 64 * 1024;
    private static final int MAX_REPLY = 4096;

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    /** What clamd said. */
    public sealed interface Reply permits Clean, Found, Failed { }

    public record Clean() implements Reply { }

    public record Found(String signature) implements Reply { }

    public record Failed(String message) implements Reply { }

    public ClamdClient(String host, int port, Duration connectTimeout, Duration readTimeout) {
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** {@code host:port} (IPv6 as {@code [::1]:3310}); empty for a blank address. */
    public static Optional<ClamdClient> fromAddress(String address, Duration connectTimeout, Duration readTimeout) {
        if (address == null || address.isBlank()) return Optional.empty();
        String a = address.trim();
        int colon = a.lastIndexOf(':');
        if (colon <= 0 || colon == a.length() - 1) {
            throw new IllegalArgumentException("clamd address must be host:port, got " + a);
        }
        String h = a.substring(0, colon);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        int p;
        try {
            p = Integer.parseInt(a.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("clamd port is not a number in " + a, e);
        }
        if (p < 1 || p > 65535) throw new IllegalArgumentException("clamd port out of range in " + a);
        return Optional.of(new ClamdClient(h, p, connectTimeout, readTimeout));
    }

    public String address() {
        return host + ":" + port;
    }

    /** Scans {@code data}; an unreachable or misbehaving daemon is an {@link IOException}. */
    public Reply scan(byte[] data) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            s.setSoTimeout((int) readTimeout.toMillis());
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            try {
                out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
                byte[] len = new byte[4];
                for (int off = 0; off < data.length; off += CHUNK) {
                    int n = Math.min(CHUNK, data.length - off);
                    putInt(len, n);
                    out.write(len);
                    out.write(data, off, n);
                }
                putInt(len, 0);
                out.write(len);
                out.flush();
            } catch (IOException e) {
                // clamd closes the connection once a stream passes its StreamMaxLength; its reply says so
                String early = readReply(in);
                if (!early.isEmpty()) return parse(early);
                throw e;
            }
            String reply = readReply(in);
            if (reply.isEmpty()) throw new IOException("clamd at " + address() + " closed the connection without a reply");
            return parse(reply);
        }
    }

    /** PING → PONG, for health checks. */
    public boolean ping() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            s.setSoTimeout((int) readTimeout.toMillis());
            s.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return "PONG".equals(readReply(s.getInputStream()));
        } catch (IOException e) {
            return false;
        }
    }

    static Reply parse(String reply) {
        String r = reply.trim();
        if (r.endsWith("FOUND")) {
            String body = r.substring(0, r.length() - "FOUND".length()).trim();
            int colon = body.indexOf(':');
            String name = colon >= 0 ? body.substring(colon + 1).trim() : body;
            return new Found(name.isEmpty() ? "unknown" : name);
        }
        if (r.endsWith("ERROR")) return new Failed(r);
        if (r.endsWith(": OK") || r.equals("OK")) return new Clean();
        return new Failed("unexpected clamd reply: " + r);
    }

    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while (buf.size() < MAX_REPLY && (b = in.read()) != -1) {
            if (b == 0) break;
            buf.write(b);
        }
        return buf.toString(StandardCharsets.UTF_8).trim();
    }

    private static void putInt(byte[] b, int v) {
        b[0] = (byte) (v >>> 24);
        b[1] = (byte) (v >>> 16);
        b[2] = (byte) (v >>> 8);
        b[3] = (byte) v;
    }
}
