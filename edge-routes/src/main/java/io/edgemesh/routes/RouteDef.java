package io.edgemesh.routes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One public route on the Layer 1 URL: method and path pattern ({@code {name}} matches one segment),
 * the function and operation it reaches, how it is authenticated and the largest body it accepts.
 * {@code localOnly} routes exist only on the local edge (health, demo).
 */
public record RouteDef(String method, String path, String function, String operation, AuthMode auth,
                       int maxBodyBytes, boolean localOnly) {

    /** Path parameters when {@code requestPath} matches this route's pattern, empty otherwise. */
    public Optional<Map<String, String>> match(String requestMethod, String requestPath) {
        if (!method.equalsIgnoreCase(requestMethod)) return Optional.empty();
        return matchPath(requestPath);
    }

    /** Path parameters when the path matches, whatever the method (for 405 and CORS preflight). */
    public Optional<Map<String, String>> matchPath(String requestPath) {
        String[] p = path.split("/", -1);
        String[] r = requestPath.split("/", -1);
        if (p.length != r.length) return Optional.empty();
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < p.length; i++) {
            if (p[i].startsWith("{") && p[i].endsWith("}")) {
                if (r[i].isEmpty()) return Optional.empty();
                params.put(p[i].substring(1, p[i].length() - 1), r[i]);
            } else if (!p[i].equals(r[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }
}
