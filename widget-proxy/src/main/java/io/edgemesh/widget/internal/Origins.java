package io.edgemesh.widget.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Web origins compared exactly on (scheme, host, port), the way browsers define them: the default
 * port is implied ({@code https://a.example} equals {@code https://a.example:443}), case does not
 * matter in scheme and host, and anything with a path, query, user info or the opaque {@code null}
 * origin is not an origin at all. Comparison is on the normalised form, never by prefix or suffix,
 * so {@code https://shop.example.evil.test} can never pass for {@code https://shop.example}.
 */
public final class Origins {

    private Origins() { }

    /** {@code scheme://host[:port]} in lower case with default ports dropped, or empty when not an origin. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) return Optional.empty();
        String s = raw.trim();
        if (s.isEmpty() || s.length() > 2048 || s.equalsIgnoreCase("null")) return Optional.empty();
        URI u;
        try {
            u = new URI(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = u.getScheme();
        String host = u.getHost();
        if (scheme == null || host == null || host.isEmpty()) return Optional.empty();
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) return Optional.empty();
        if (u.getRawUserInfo() != null || u.getRawQuery() != null || u.getRawFragment() != null) return Optional.empty();
        if (u.getRawPath() != null && !u.getRawPath().isEmpty()) return Optional.empty();
        int port = u.getPort();
        int defaultPort = scheme.equals("https") ? 443 : 80;
        String h = host.toLowerCase(Locale.ROOT);
        return Optional.of(scheme + "://" + h + (port == -1 || port == defaultPort ? "" : ":" + port));
    }

    /** True when {@code origin} equals one of {@code allowed} after normalising both. */
    public static boolean allowed(String origin, Collection<String> allowed) {
        Optional<String> o = normalise(origin);
        if (o.isEmpty() || allowed == null) return false;
        for (String a : allowed) {
            if (normalise(a).filter(o.get()::equals).isPresent()) return true;
        }
        return false;
    }
}
