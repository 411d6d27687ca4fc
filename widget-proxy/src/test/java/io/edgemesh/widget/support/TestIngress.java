package io.edgemesh.widget.support;

import io.edgemesh.widget.WidgetAssets;
import io.edgemesh.widget.internal.AssetServer;
import io.edgemesh.widget.internal.Authenticator;
import io.edgemesh.widget.internal.Ingress;
import io.edgemesh.widget.internal.Tenant;
import io.edgemesh.widget.internal.chat.ChatService;
import io.edgemesh.widget.internal.chat.RateLimitSettings;
import io.edgemesh.widget.internal.chat.SessionTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The ingress graph for unit tests: real routing, authentication, CORS, chat, session tokens and
 * token-bucket arithmetic; in-memory tenants and rate-limit store; a recording layer client.
 */
public final class TestIngress {

    public static final String ADMIN_TOKEN = "admin-token-for-tests-0123456789";
    public static final byte[] SESSION_KEY = "a-session-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    public static final Tenant SHOP = new Tenant("shop", "key-pk-1", false,
            List.of("https://shop.example", "http://localhost:8787"), 60);
    public static final Tenant SUSPENDED = new Tenant("gone", "key-pk-2", true, List.of("https://gone.example"), 60);
    public static final Tenant OTHER = new Tenant("other", "key-pk-3", false, List.of("https://other.example"), 60);

    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    public final InMemoryTenants tenants = new InMemoryTenants()
            .publishable("pk_test_shop", SHOP)
            .secret("sk_test_shop_secret", new Tenant("shop", "key-sk-1", false, List.of(), 60))
            .publishable("pk_test_gone", SUSPENDED)
            .secret("sk_test_gone_secret", new Tenant("gone", "key-sk-2", true, List.of(), 60))
            .publishable("pk_test_other", OTHER);
    public final RecordingLayers layers = new RecordingLayers();
    public final SessionTokens tokens = new SessionTokens(SESSION_KEY, Duration.ofHours(1), clock);
    public final InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock);
    private int sessions;

    public Ingress ingress() {
        ChatService chat = new ChatService(tokens, limiter, layers, RateLimitSettings.DEFAULTS,
                () -> "s_test_session_" + (++sessions));
        return new Ingress(new Authenticator(tenants, ADMIN_TOKEN), layers, chat, new AssetServer(WidgetAssets.load()));
    }
}
