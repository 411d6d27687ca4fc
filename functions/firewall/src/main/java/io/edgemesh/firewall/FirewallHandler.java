package io.edgemesh.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.Json;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.common.crac.Priming;
import io.edgemesh.common.invoke.EnvelopeHandler;
import io.edgemesh.common.invoke.HttpForward;
import io.edgemesh.common.invoke.Invocation;
import io.edgemesh.common.metrics.Metrics;
import io.edgemesh.envelope.EnvelopeVerifier;
import io.edgemesh.firewall.internal.FirewallWiring;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Layer 2 entry point. Operations:
 * <ul>
 *   <li>{@code check} from the Layer 1 ingress: {@code {"text","sessionId","locale"}} → {@link Verdict};</li>
 *   <li>{@code guard} for {@code POST /v1/guard} (secret key): an {@link HttpForward} whose body is
 *       {@code {"text"}} → {@link Verdict}, without session state.</li>
 * </ul>
 * Text must be 1 to {@value Firewall#MAX_TEXT_CHARS} characters, otherwise 400 {@code invalid_request}.
 */
public final class FirewallHandler extends EnvelopeHandler {
    private static final Pattern SESSION_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$");
    private static final Pattern LOCALE = Pattern.compile("^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,3}$");

    private final Firewall firewall;

    public FirewallHandler() {
        this(FunctionConfig.fromSystem());
    }

    public FirewallHandler(Map<String, String> env) {
        this(FunctionConfig.of(env));
    }

    private FirewallHandler(FunctionConfig config) {
        this(config, AwsClients.from(config));
    }

    private FirewallHandler(FunctionConfig config, AwsClients aws) {
        super(config, aws);
        this.firewall = FirewallWiring.create(config, aws);
        Priming.register("firewall", () -> {
            Priming.warmCommon();
            firewall.prime();
        }, () -> { });
    }

    /** For tests and hosts that build the verifier and the firewall themselves. */
    public FirewallHandler(FunctionConfig config, EnvelopeVerifier verifier, Firewall firewall) {
        super(config, verifier);
        this.firewall = firewall;
    }

    @Override
    protected Object handle(Invocation inv) {
        long start = System.nanoTime();
        Verdict v = switch (inv.operation()) {
            case "check" -> check(inv);
            case "guard" -> guard(inv);
            default -> throw ApiException.notFound("unknown operation " + inv.operation());
        };
        // one metric per action, dimensioned by tenant; categories as a property (never the text)
        Metrics.begin(functionName(), inv.tenantId()).count("Verdict_" + v.action())
                .millis("CheckMillis", (System.nanoTime() - start) / 1_000_000)
                .property("operation", inv.operation()).property("categories", String.join(",", v.categories())).flush();
        return v;
    }

    private Verdict check(Invocation inv) {
        JsonNode b = inv.body();
        if (b == null || !b.isObject()) throw ApiException.invalid("the body must be a JSON object");
        String text = text(b.get("text"));
        String sessionId = optional(b.get("sessionId"), "sessionId", SESSION_ID);
        String locale = optional(b.get("locale"), "locale", LOCALE);
        return firewall.check(new Firewall.Check(inv.tenantId(), sessionId, text, locale, inv.requestId(), "check"));
    }

    private Verdict guard(Invocation inv) {
        HttpForward fwd;
        try {
            fwd = Json.MAPPER.treeToValue(inv.body(), HttpForward.class);
        } catch (Exception e) {
            throw ApiException.invalid("the request could not be read");
        }
        if (fwd == null || fwd.body() == null || !fwd.body().isObject()) {
            throw ApiException.invalid("the body must be a JSON object {\"text\": \"...\"}");
        }
        String text = text(fwd.body().get("text"));
        return firewall.check(new Firewall.Check(inv.tenantId(), null, text, null, inv.requestId(), "guard"));
    }

    private static String text(JsonNode n) {
        if (n == null || !n.isTextual() || n.textValue().isEmpty() || n.textValue().length() > Firewall.MAX_TEXT_CHARS) {
            throw ApiException.invalid("\"text\" must be a string of 1 to " + Firewall.MAX_TEXT_CHARS + " characters");
        }
        return n.textValue();
    }

    private static String optional(JsonNode n, String field, Pattern valid) {
        if (n == null || n.isNull()) return null;
        if (!n.isTextual() || !valid.matcher(n.textValue()).matches()) {
            throw ApiException.invalid("\"" + field + "\" is not valid");
        }
        return n.textValue();
    }
}
