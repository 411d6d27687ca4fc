package io.edgemesh.firewall;

import io.edgemesh.common.invoke.EnvelopeHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The in-test transport (as in common's round-trip test): {@code Invoke} runs the registered handler's
 * {@code handleRequest} on the payload bytes, as the local edge's invocations endpoint does over HTTP.
 */
final class InProcessLambda implements LambdaClient {
    private final Map<String, EnvelopeHandler> functions = new HashMap<>();

    InProcessLambda register(String physicalName, EnvelopeHandler handler) {
        functions.put(physicalName, handler);
        return this;
    }

    @Override
    public InvokeResponse invoke(InvokeRequest request) {
        EnvelopeHandler handler = functions.get(request.functionName());
        if (handler == null) throw new IllegalStateException("no function " + request.functionName());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(request.payload().asByteArray()), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return InvokeResponse.builder().statusCode(200).payload(SdkBytes.fromByteArray(out.toByteArray())).build();
    }

    @Override
    public String serviceName() { return "lambda"; }

    @Override
    public void close() { }
}
