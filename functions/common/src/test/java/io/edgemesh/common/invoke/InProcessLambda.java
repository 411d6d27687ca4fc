package io.edgemesh.common.invoke;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The tiny in-test transport: a {@link LambdaClient} whose {@code invoke} runs a registered
 * {@link EnvelopeHandler} on the payload bytes, as the local edge's invocations endpoint does over
 * HTTP. Payloads pass through {@link #tamper} so tests can play a man in the middle.
 */
final class InProcessLambda implements LambdaClient {
    final Map<String, EnvelopeHandler> functions = new HashMap<>();
    final List<byte[]> sent = new ArrayList<>();
    volatile UnaryOperator<byte[]> tamper = UnaryOperator.identity();
    volatile RuntimeException failWith;
    volatile String functionError;

    InProcessLambda register(String physicalName, EnvelopeHandler handler) {
        functions.put(physicalName, handler);
        return this;
    }

    @Override
    public InvokeResponse invoke(InvokeRequest request) {
        if (failWith != null) throw failWith;
        EnvelopeHandler handler = functions.get(request.functionName());
        if (handler == null) throw new IllegalStateException("no function " + request.functionName());
        byte[] payload = tamper.apply(request.payload().asByteArray());
        sent.add(payload);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(payload), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return InvokeResponse.builder().statusCode(200).functionError(functionError)
                .payload(SdkBytes.fromByteArray(out.toByteArray())).build();
    }

    @Override
    public String serviceName() { return "lambda"; }

    @Override
    public void close() { }
}
