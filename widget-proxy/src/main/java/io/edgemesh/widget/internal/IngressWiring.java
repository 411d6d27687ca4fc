package io.edgemesh.widget.internal;

import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.common.invoke.LayerClient;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.Names;
import io.edgemesh.widget.WidgetAssets;
import io.edgemesh.widget.internal.chat.ChatService;
import io.edgemesh.widget.internal.chat.RateLimitSettings;
import io.edgemesh.widget.internal.chat.SessionTokens;
import io.edgemesh.widget.internal.ratelimit.DynamoRateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/**
 * Builds the ingress object graph from a function's environment: the same graph for Lambda
 * ({@code System.getenv()}) and for the local edge (an explicit map).
 */
public final class IngressWiring {

    /** Messages per minute per chat session (default 60). */
    public static final String ENV_RATE_SESSION = "EDGEMESH_RATE_SESSION_PER_MINUTE";
    /** Messages per minute per client address (default 120; IPv6 counted per /64). */
    public static final String ENV_RATE_IP = "EDGEMESH_RATE_IP_PER_MINUTE";
    /** Lifetime of a session token in seconds (default 3600); every answer carries a fresh one. */
    public static final String ENV_SESSION_TOKEN_TTL = "EDGEMESH_SESSION_TOKEN_TTL_SECONDS";

    private IngressWiring() { }

    public static Ingress build(FunctionConfig config, TenantDirectory tenants, LayerClient layers, AwsClients aws) {
        return build(config, tenants, layers, aws, Clock.systemUTC());
    }

    /** With an explicit clock for session-token expiry and token-bucket refill (tests hold it still). */
    public static Ingress build(FunctionConfig config, TenantDirectory tenants, LayerClient layers, AwsClients aws,
                                Clock clock) {
        SessionTokens tokens = new SessionTokens(SessionTokens.parseKey(sessionKey(config, aws)),
                Duration.ofSeconds(config.getInt(ENV_SESSION_TOKEN_TTL, 3600)), clock);
        RateLimitSettings limits = new RateLimitSettings(config.getInt(ENV_RATE_SESSION, 60), config.getInt(ENV_RATE_IP, 120));
        DynamoRateLimiter limiter = new DynamoRateLimiter(aws.dynamoDb(),
                config.table(EdgeMeshResources.RATE_LIMITS.name()), clock);
        ChatService chat = new ChatService(tokens, limiter, layers, limits);
        Authenticator auth = new Authenticator(tenants, adminToken(config, aws).orElse(null));
        return new Ingress(auth, layers, chat, new AssetServer(WidgetAssets.load()));
    }

    private static String sessionKey(FunctionConfig config, AwsClients aws) {
        return config.get(Names.ENV_SESSION_KEY)
                .or(() -> config.get(Names.ENV_SESSION_KEY_SECRET_ARN).map(arn -> secret(aws, arn)))
                .orElseThrow(() -> new IllegalStateException("set " + Names.ENV_SESSION_KEY + " (local) or "
                        + Names.ENV_SESSION_KEY_SECRET_ARN + " (AWS): the key that signs chat session tokens"));
    }

    /** Without an admin token the admin routes stay closed to everyone. */
    private static Optional<String> adminToken(FunctionConfig config, AwsClients aws) {
        return config.get(Names.ENV_ADMIN_TOKEN)
                .or(() -> config.get(Names.ENV_ADMIN_TOKEN_SECRET_ARN).map(arn -> secret(aws, arn)));
    }

    private static String secret(AwsClients aws, String arn) {
        return aws.secretsManager().getSecretValue(GetSecretValueRequest.builder().secretId(arn).build()).secretString();
    }
}
