package io.edgemesh.widget.internal.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.ErrorCodes;
import io.edgemesh.common.Json;
import io.edgemesh.common.invoke.InvocationResult;
import io.edgemesh.common.invoke.LayerClient;
import io.edgemesh.widget.internal.Caller;
import io.edgemesh.widget.internal.Upstream;
import io.edgemesh.widget.internal.ratelimit.Decision;
import io.edgemesh.widget.internal.ratelimit.Limit;
import io.edgemesh.widget.internal.ratelimit.RateLimiter;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code POST /v1/chat}: the visitor's message through session check, rate limits, the firewall
 * (Layer 2) and the orchestrator (Layer 6). The firewall fails closed: when it cannot answer or
 * answers something unknown, the message goes nowhere.
 */
public final class ChatService {

    /** Trust level of a session opened by an anonymous widget visitor; Layer 6 gates tools on it. */
    public static final String TRUST_ANONYMOUS = "anonymous";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionTokens tokens;
    private final RateLimiter limiter;
    private final LayerClient layers;
    private final RateLimitSettings limits;
    private final Supplier<String> sessionIds;

    public ChatService(SessionTokens tokens, RateLimiter limiter, LayerClient layers, RateLimitSettings limits) {
        this(tokens, limiter, layers, limits, ChatService::newSessionId);
    }

    public ChatService(SessionTokens tokens, RateLimiter limiter, LayerClient layers, RateLimitSettings limits,
                       Supplier<String> sessionIds) {
        this.tokens = tokens;
        this.limiter = limiter;
        this.layers = layers;
        this.limits = limits;
        this.sessionIds = sessionIds;
    }

    /**
     * @param caller       a verified publishable-key caller (tenant and origin known)
     * @param sessionToken the {@code Authorization: Bearer} token, if sent
     */
    public Map<String, Object> chat(Caller caller, JsonNode body, Optional<String> sessionToken, String clientIp,
                                    String traceparent) {
        ChatRequest req = ChatRequest.parse(body);
        String tenantId = caller.tenantId();
        Session session = session(caller, req, sessionToken);

        Decision d = limiter.acquire(List.of(
                Limit.of(tenantId, "session", session.id(), limits.perSessionPerMinute()),
                Limit.of(tenantId, "ip", ipSubject(clientIp), limits.perClientIpPerMinute()),
                Limit.of(tenantId, "tenant", "all", caller.tenant().requestsPerMinute())));
        if (!d.granted()) {
            String scope = d.bucketKey().split("#", 3)[1];
            throw new ApiException(429, ErrorCodes.RATE_LIMITED,
                    "too many messages; try again in " + d.retryAfterSeconds() + " s",
                    Map.of("retryAfterSeconds", d.retryAfterSeconds(), "scope", scope));
        }

        JsonNode verdict = firewall(tenantId, session, req, traceparent);
        String action = verdict.path("action").asText("");
        String text = switch (action) {
            case "allow" -> req.message();
            case "redact" -> {
                String redacted = verdict.path("redactedText").asText("");
                if (redacted.isBlank()) throw failClosed("the firewall asked for redaction without a redacted text");
                yield redacted;
            }
            case "block" -> throw new ApiException(403, ErrorCodes.PROMPT_BLOCKED,
                    "this message was blocked by the assistant's safety checks",
                    Map.of("categories", Json.MAPPER.convertValue(categories(verdict), Object.class),
                            "sessionId", session.id(), "sessionToken", session.token()));
            default -> throw failClosed("the firewall answered an unknown action '" + action + "'");
        };

        Map<String, Object> ask = new LinkedHashMap<>();
        ask.put("sessionId", session.id());
        ask.put("message", text);
        ask.put("locale", req.locale());
        ask.put("trustLevel", session.trustLevel());
        ask.put("verdict", verdict);
        InvocationResult answer = layers.invoke("orchestrator", "chat", tenantId, ask, traceparent);
        if (!answer.ok()) throw Upstream.toException("orchestrator", answer);
        JsonNode a = answer.body() == null ? Json.MAPPER.createObjectNode() : answer.body();

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sessionId", session.id());
        out.put("sessionToken", session.token());
        out.put("answer", a.path("answer").asText(""));
        out.put("citations", a.path("citations").isArray() ? a.get("citations") : Json.MAPPER.createArrayNode());
        // Only action and categories go back: the scores would be an oracle for tuning an attack.
        ObjectNode v = Json.MAPPER.createObjectNode();
        v.put("action", action);
        v.set("categories", categories(verdict));
        out.put("verdict", v);
        out.put("usage", a.path("usage").isObject() ? a.get("usage") : Json.MAPPER.createObjectNode());
        return out;
    }

    private record Session(String id, String token, String trustLevel) { }

    private Session session(Caller caller, ChatRequest req, Optional<String> presented) {
        String tenantId = caller.tenantId();
        if (req.sessionId() == null) {
            if (presented.isPresent()) {
                throw ApiException.invalid("a session token was sent without its \"sessionId\"");
            }
            String id = sessionIds.get();
            return new Session(id, tokens.issue(tenantId, caller.origin(), id, TRUST_ANONYMOUS), TRUST_ANONYMOUS);
        }
        SessionClaims c = presented.flatMap(tokens::verify)
                .filter(x -> x.tenantId().equals(tenantId) && x.origin().equals(caller.origin())
                        && x.sessionId().equals(req.sessionId()))
                .orElseThrow(() -> ApiException.unauthorized(
                        "the session token is missing, expired or not for this session; start a new session"));
        // A fresh token per answer keeps an active conversation alive without long-lived tokens.
        return new Session(c.sessionId(), tokens.issue(tenantId, caller.origin(), c.sessionId(), c.trustLevel()),
                c.trustLevel());
    }

    private JsonNode firewall(String tenantId, Session session, ChatRequest req, String traceparent) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("text", req.message());
        check.put("sessionId", session.id());
        check.put("locale", req.locale());
        InvocationResult r = layers.invoke("firewall", "check", tenantId, check, traceparent);
        if (!r.ok()) {
            if (r.status() >= 400 && r.status() < 500) throw Upstream.toException("firewall", r);
            throw failClosed("the firewall could not check the message (status " + r.status() + ")");
        }
        if (r.body() == null || !r.body().isObject()) throw failClosed("the firewall answered without a verdict");
        return r.body();
    }

    private static ArrayNode categories(JsonNode verdict) {
        JsonNode c = verdict.path("categories");
        ArrayNode out = Json.MAPPER.createArrayNode();
        if (c.isArray()) {
            c.forEach(x -> out.add(x.isTextual() ? x.asText() : x.path("category").asText(x.toString())));
        }
        return out;
    }

    private static ApiException failClosed(String why) {
        return new ApiException(502, ErrorCodes.UPSTREAM_UNAVAILABLE, "the message could not be checked; try again",
                Map.of("reason", why));
    }

    /** IPv6 clients get a whole /64, the unit a single subscriber usually holds. */
    static String ipSubject(String ip) {
        if (ip == null || ip.isBlank()) return "unknown";
        String s = ip.trim().toLowerCase(Locale.ROOT);
        if (!s.contains(":")) return s;
        String[] groups = expandIpv6(s);
        return groups == null ? s : String.join(":", groups[0], groups[1], groups[2], groups[3]) + "::/64";
    }

    private static String[] expandIpv6(String s) {
        if (!s.matches("[0-9a-f:.]+") || s.contains(".")) return null;
        String[] halves = s.split("::", -1);
        if (halves.length > 2) return null;
        String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":");
        String[] tail = halves.length == 2 && !halves[1].isEmpty() ? halves[1].split(":") : new String[0];
        if (halves.length == 1 && head.length != 8) return null;
        String[] out = new String[8];
        java.util.Arrays.fill(out, "0");
        System.arraycopy(head, 0, out, 0, Math.min(head.length, 8));
        if (tail.length + head.length > 8) return null;
        System.arraycopy(tail, 0, out, 8 - tail.length, tail.length);
        for (int i = 0; i < 8; i++) out[i] = out[i].replaceFirst("^0+(?=.)", "");
        return out;
    }

    static String newSessionId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return "s_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
