package io.edgemesh.common.invoke;

import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.envelope.EnvelopeSigner;
import io.edgemesh.envelope.EnvelopeVerifier;
import io.edgemesh.envelope.KeySource;
import io.edgemesh.envelope.ReplayGuard;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.Names;
import java.time.Clock;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Builds the envelope machinery of a function from its configuration: the key ring
 * ({@code EDGEMESH_ENVELOPE_KEYS} locally, the Secrets Manager secret named by
 * {@code EDGEMESH_ENVELOPE_SECRET_ARN} in AWS), the signer, the replay guard on the
 * {@code replay-guard} table and the verifier for the function's own layer.
 */
public final class Envelopes {
    /** How long a Lambda instance trusts its cached key ring before reading the secret again. */
    public static final Duration SECRET_REFRESH = Duration.ofMinutes(5);
    public static final String REPLAY_TABLE = EdgeMeshResources.REPLAY_GUARD.name();

    private Envelopes() { }

    /**
     * The key ring source; the local spec wins when both are set (a local run must never reach AWS).
     *
     * @throws IllegalStateException naming both variables when neither is set, or the bad entry of a spec
     */
    public static KeySource keySource(FunctionConfig config, AwsClients aws, Clock clock) {
        Optional<String> spec = config.get(Names.ENV_ENVELOPE_KEYS);
        if (spec.isPresent()) {
            try {
                return KeySource.fromSpec(spec.get());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(Names.ENV_ENVELOPE_KEYS + ": " + e.getMessage(), e);
            }
        }
        Optional<String> arn = config.get(Names.ENV_ENVELOPE_SECRET_ARN);
        if (arn.isPresent()) return KeySource.secretsManager(aws.secretsManager(), arn.get(), SECRET_REFRESH, clock);
        throw new IllegalStateException("no envelope keys: set " + Names.ENV_ENVELOPE_KEYS + " (local) or "
                + Names.ENV_ENVELOPE_SECRET_ARN + " (AWS)");
    }

    public static EnvelopeSigner signer(KeySource keys, Clock clock) {
        return EnvelopeSigner.hmac(keys, clock, EnvelopeSigner.DEFAULT_TTL);
    }

    /** Conditional puts on this deployment's {@code replay-guard} table. */
    public static ReplayGuard replayGuard(FunctionConfig config, AwsClients aws, Clock clock) {
        return ReplayGuard.dynamoDb(aws.dynamoDb(), config.table(REPLAY_TABLE), clock);
    }

    public static EnvelopeVerifier verifier(String ownLayer, KeySource keys, ReplayGuard guard, Clock clock) {
        return EnvelopeVerifier.builder(ownLayer).hmac(keys).replayGuard(guard).clock(clock).build();
    }

    /** The verifier for the function named by {@code EDGEMESH_FUNCTION_NAME}, wired to AWS (or the local servers). */
    public static EnvelopeVerifier verifier(FunctionConfig config, AwsClients aws) {
        Clock clock = Clock.systemUTC();
        return verifier(layerOfThisFunction(config), keySource(config, aws, clock), replayGuard(config, aws, clock), clock);
    }

    /** The layer id of a function in the catalog, e.g. {@code search} → {@code tiny-ml}. */
    public static String layerOf(String function) {
        try {
            return EdgeMeshResources.function(function).layer().id();
        } catch (NoSuchElementException e) {
            throw new IllegalArgumentException("no function " + function + " in EdgeMeshResources", e);
        }
    }

    /** @throws IllegalStateException when {@code EDGEMESH_FUNCTION_NAME} is missing or not in the catalog */
    public static String layerOfThisFunction(FunctionConfig config) {
        String name = config.functionName();
        try {
            return layerOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(Names.ENV_FUNCTION_NAME + " must name a function of EdgeMeshResources, was " + name, e);
        }
    }
}
