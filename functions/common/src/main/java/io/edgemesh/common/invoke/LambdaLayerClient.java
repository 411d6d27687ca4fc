package io.edgemesh.common.invoke;

import io.edgemesh.common.ApiException;
import io.edgemesh.common.ErrorCodes;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.Json;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.common.invoke.internal.InvokeWire;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.Logger;
import io.edgemesh.envelope.Call;
import io.edgemesh.envelope.EnvelopeSigner;
import io.edgemesh.envelope.SignedMessage;
import io.edgemesh.envelope.Traceparent;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.FunctionDef;
import java.time.Clock;
import java.util.NoSuchElementException;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * {@link LayerClient} over Lambda's synchronous {@code Invoke}. Each call gets a fresh request id
 * (the replay nonce), continues the caller's trace or starts one, and is signed for the target
 * function's layer. Locally the same {@link LambdaClient} points at the local edge through
 * {@code EDGEMESH_ENDPOINT_LAMBDA}. A function may only call the functions its catalog entry lists
 * in {@code invokes}: IAM enforces that in AWS, and this client enforces it everywhere so a local
 * run fails the same way.
 *
 * <p>Delivery is at most once: should the SDK retry an invoke whose first attempt did reach the
 * target (a lost response), the retry carries the same request id and the target refuses it as a
 * replay (403 {@code envelope_rejected}). Callers that need a result retry with a new
 * {@link #invoke} call, which signs a new envelope.
 */
public final class LambdaLayerClient implements LayerClient {
    private static final Logger LOG = Log.get(LambdaLayerClient.class);

    private final FunctionConfig config;
    private final FunctionDef self;
    private final LambdaClient lambda;
    private final EnvelopeSigner signer;

    /**
     * @param config this function's configuration ({@code EDGEMESH_FUNCTION_NAME} names the caller;
     *               {@code EDGEMESH_FUNCTION_<X>} the physical targets)
     */
    public LambdaLayerClient(FunctionConfig config, LambdaClient lambda, EnvelopeSigner signer) {
        this.config = config;
        this.lambda = lambda;
        this.signer = signer;
        String name = config.functionName();
        try {
            this.self = EdgeMeshResources.function(name);
        } catch (NoSuchElementException e) {
            throw new IllegalStateException("EDGEMESH_FUNCTION_NAME must name a function of EdgeMeshResources, was " + name, e);
        }
    }

    /** The client a handler normally uses: keys from the configuration, Lambda from {@code aws}. */
    public static LambdaLayerClient create(FunctionConfig config, AwsClients aws) {
        Clock clock = Clock.systemUTC();
        return new LambdaLayerClient(config, aws.lambda(), Envelopes.signer(Envelopes.keySource(config, aws, clock), clock));
    }

    @Override
    public InvocationResult invoke(String function, String operation, String tenantId, Object body, String traceparent) {
        if (!self.invokes().contains(function)) {
            throw new IllegalStateException(self.name() + " may not invoke " + function
                    + " (EdgeMeshResources lists " + self.invokes() + ")");
        }
        String targetLayer = Envelopes.layerOf(function);
        String requestId = UUID.randomUUID().toString();
        SignedMessage signed = signer.sign(new Call(tenantId, self.layer().id(), targetLayer, operation, requestId,
                Traceparent.orNew(traceparent)), Json.writeBytes(body));
        byte[] payload = InvokeWire.request(signed);
        String physical = config.function(function);

        InvokeResponse response;
        long start = System.nanoTime();
        try {
            response = lambda.invoke(b -> b.functionName(physical).invocationType(InvocationType.REQUEST_RESPONSE)
                    .payload(SdkBytes.fromByteArrayUnsafe(payload)));
        } catch (SdkException e) {
            LOG.warn("invocation failed in transport", e, "target", function, "operation", operation,
                    "invocationRequestId", requestId);
            throw unavailable(function);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (response.functionError() != null || response.statusCode() == null || response.statusCode() / 100 != 2) {
            // The target crashed outside its own error mapping (timeout, out of memory, init failure).
            LOG.warn("invocation failed in the target", "target", function, "operation", operation,
                    "invocationRequestId", requestId, "functionError", response.functionError(),
                    "statusCode", response.statusCode(), "millis", millis);
            throw unavailable(function);
        }
        InvokeWire.Response r;
        try {
            r = InvokeWire.parseResponse(response.payload() == null ? new byte[0] : response.payload().asByteArrayUnsafe());
        } catch (IllegalArgumentException e) {
            LOG.warn("invocation answered an unreadable payload", "target", function, "operation", operation,
                    "invocationRequestId", requestId, "problem", e.getMessage());
            throw unavailable(function);
        }
        LOG.debug("invocation done", "target", function, "operation", operation, "invocationRequestId", requestId,
                "status", r.status(), "millis", millis);
        return new InvocationResult(r.status(), r.body(), r.headers());
    }

    private static ApiException unavailable(String function) {
        return new ApiException(502, ErrorCodes.UPSTREAM_UNAVAILABLE, "an upstream service is unavailable; retry later");
    }
}
