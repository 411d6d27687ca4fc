package io.edgemesh.common.invoke;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.ErrorCodes;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.Json;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.common.crac.Priming;
import io.edgemesh.common.invoke.internal.InvokeWire;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.LogContext;
import io.edgemesh.common.log.Logger;
import io.edgemesh.common.metrics.Metrics;
import io.edgemesh.envelope.Envelope;
import io.edgemesh.envelope.EnvelopeRejectedException;
import io.edgemesh.envelope.EnvelopeVerifier;
import io.edgemesh.envelope.RejectReason;
import io.edgemesh.envelope.TenantExtractor;
import io.edgemesh.envelope.Verified;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Base of every function another layer invokes. It reads {@code {"envelope":{...},"body":"..."}},
 * verifies the envelope (signature, key id, time window, target layer, tenant of the body, replay)
 * before any domain code runs, hands the subclass a verified {@link Invocation}, and writes
 * {@code {"status":200,"body":...}} or {@code {"status":x,"error":{"code","message",...}}}.
 *
 * <p>Errors: an {@link ApiException} keeps its status and code; a rejected envelope is 401 or 403
 * {@code envelope_rejected} with the typed reason in the log and the {@code EnvelopeRejected} metric
 * only (a caller learns nothing about which check failed); an AWS SDK failure is 503
 * {@code upstream_unavailable}; anything else is 500 {@code internal_error} with no internals in the
 * body. The Lambda invocation itself always succeeds, so the caller always gets a status.
 *
 * <p>Subclasses dispatch on {@link Invocation#operation()} and return a body (200) or a
 * {@link Response} for another 2xx status.
 */
public abstract class EnvelopeHandler implements RequestStreamHandler {
    /** Lambda's synchronous payload limit; anything larger cannot be a real invocation. */
    static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

    private final String functionName;
    private final EnvelopeVerifier verifier;
    private final Logger log;

    /** For handlers wired from configuration: the verifier for this function's layer, on the replay-guard table. */
    protected EnvelopeHandler(FunctionConfig config, AwsClients aws) {
        this(config, Envelopes.verifier(config, aws));
    }

    /** For tests and hosts that build the verifier themselves. */
    protected EnvelopeHandler(FunctionConfig config, EnvelopeVerifier verifier) {
        this.functionName = config.functionName();
        this.verifier = verifier;
        this.log = Log.get(getClass());
        Priming.register(functionName + "-envelope", EnvelopeHandler::warmEnvelopePath, null);
    }

    /**
     * Runs the whole envelope path (sign, wire, parse, verify, answer) once with a throwaway key and an
     * in-memory replay guard, so its classes and JIT state are in the SnapStart snapshot. Touches no
     * real key, table or handler code.
     */
    public static void warmEnvelopePath() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        io.edgemesh.envelope.KeySource keys = io.edgemesh.envelope.KeySource.of(
                io.edgemesh.envelope.KeyRing.of("priming", Map.of("priming", key)));
        java.time.Clock clock = java.time.Clock.systemUTC();
        var signed = Envelopes.signer(keys, clock).sign(new io.edgemesh.envelope.Call("priming", "ingress", "ingress",
                "priming", java.util.UUID.randomUUID().toString(), io.edgemesh.envelope.Traceparent.newTrace()),
                Json.writeBytes(Map.of("tenantId", "priming")));
        InvokeWire.Request parsed = InvokeWire.parseRequest(InvokeWire.request(signed));
        Verified v = Envelopes.verifier("ingress", keys, io.edgemesh.envelope.ReplayGuard.inMemory(clock), clock)
                .verify(parsed.envelope(), parsed.body(), BODY_TENANT);
        InvokeWire.parseResponse(InvokeWire.okResponse(200, Json.parse(v.body()), Map.of()));
    }

    /**
     * Runs the operation. Throw {@link ApiException} for anything the caller should see as a 4xx.
     *
     * @return the response body for 200, or a {@link Response} for another 2xx status
     */
    protected abstract Object handle(Invocation invocation) throws Exception;

    public final String functionName() { return functionName; }

    @Override
    @SuppressWarnings("try") // the log scope is used for its side effect on the thread's context
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] payload = input.readNBytes(MAX_PAYLOAD_BYTES + 1);
        byte[] answer;
        try (var fn = LogContext.withFunction(functionName)) {
            answer = answer(payload);
        }
        output.write(answer);
        output.flush();
    }

    /** The whole request-to-response mapping, free of Lambda types (the local edge and tests call it too). */
    @SuppressWarnings("try")
    public final byte[] answer(byte[] payload) {
        InvokeWire.Request request;
        try {
            if (payload.length > MAX_PAYLOAD_BYTES) throw new EnvelopeRejectedException(RejectReason.MALFORMED, "payload too large");
            request = InvokeWire.parseRequest(payload);
        } catch (EnvelopeRejectedException e) {
            return rejected(e, null);
        } catch (RuntimeException e) {
            return rejected(new EnvelopeRejectedException(RejectReason.MALFORMED, "unreadable payload", e), null);
        }
        Envelope claimed = request.envelope();
        try (var ids = LogContext.with(claimed.tenantId(), claimed.requestId(), LogContext.traceIdOf(claimed.traceparent()))) {
            Verified verified;
            try {
                verified = verifier.verify(claimed, request.body(), BODY_TENANT);
            } catch (EnvelopeRejectedException e) {
                return rejected(e, claimed);
            } catch (SdkException e) {
                log.error("replay guard unavailable", e);
                return InvokeWire.errorResponse(503, error(ErrorCodes.UPSTREAM_UNAVAILABLE,
                        "a dependency is unavailable; retry later", Map.of()));
            }
            return run(verified, claimed);
        }
    }

    private byte[] run(Verified verified, Envelope e) {
        long start = System.nanoTime();
        try {
            JsonNode body = verified.body().length == 0 ? Json.MAPPER.nullNode() : Json.parse(verified.body());
            Object result = handle(new Invocation(e.requestId(), e.tenantId(), e.sourceLayer(), e.operation(),
                    e.traceparent().isEmpty() ? null : e.traceparent(), body));
            byte[] out = result instanceof Response r
                    ? InvokeWire.okResponse(r.status(), Json.MAPPER.valueToTree(r.body()), r.headers())
                    : InvokeWire.okResponse(200, Json.MAPPER.valueToTree(result), Map.of());
            log.debug("operation done", "operation", e.operation(), "source", e.sourceLayer(),
                    "millis", (System.nanoTime() - start) / 1_000_000);
            return out;
        } catch (ApiException ex) {
            log.info("operation refused", "operation", e.operation(), "status", ex.status(), "code", ex.code());
            return InvokeWire.errorResponse(ex.status(), error(ex.code(), ex.getMessage(), ex.details()));
        } catch (SdkException ex) {
            log.error("dependency failed", ex, "operation", e.operation());
            return InvokeWire.errorResponse(503, error(ErrorCodes.UPSTREAM_UNAVAILABLE,
                    "a dependency is unavailable; retry later", Map.of()));
        } catch (Exception ex) {
            log.error("operation failed", ex, "operation", e.operation());
            return InvokeWire.errorResponse(500, error(ErrorCodes.INTERNAL, "internal error", Map.of()));
        }
    }

    private byte[] rejected(EnvelopeRejectedException e, Envelope claimed) {
        RejectReason reason = e.reason();
        log.warn("envelope rejected", "reason", reason.name(), "detail", e.getMessage(),
                "claimedSource", claimed == null ? null : claimed.sourceLayer(),
                "claimedOperation", claimed == null ? null : claimed.operation(),
                "keyId", claimed == null ? null : claimed.keyId());
        Metrics.begin(functionName, claimed == null ? null : claimed.tenantId())
                .count("EnvelopeRejected").property("reason", reason.name()).flush();
        return InvokeWire.errorResponse(reason.httpStatus(), error(ErrorCodes.ENVELOPE_REJECTED,
                "the invocation envelope was rejected", Map.of()));
    }

    private static Map<String, Object> error(String code, String message, Map<String, Object> details) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("message", message);
        details.forEach(m::putIfAbsent);
        return m;
    }

    /**
     * The tenant a body names: a top-level {@code tenantId}, or the principal's tenant of an
     * {@link HttpForward}. A body that is not JSON cannot be checked and is refused.
     */
    static final TenantExtractor BODY_TENANT = body -> {
        if (body.length == 0) return Optional.empty();
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(body);
        } catch (IOException ex) {
            throw new IllegalArgumentException("body is not JSON");
        }
        if (n == null || !n.isObject()) return Optional.empty();
        JsonNode top = n.get("tenantId");
        if (top != null && !top.isNull()) return Optional.of(top.isTextual() ? top.textValue() : top.toString());
        JsonNode principal = n.path("principal").get("tenantId");
        if (principal != null && !principal.isNull()) {
            return Optional.of(principal.isTextual() ? principal.textValue() : principal.toString());
        }
        return Optional.empty();
    };
}
