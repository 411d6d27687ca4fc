package io.edgemesh.infra.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * What the Lambda Java runtime does for one cold invocation, in a fresh JVM: load the handler class
 * from the function's package, construct it (init), deserialise the fixture event, invoke once,
 * and report init and invoke times plus peak RSS on stdout as one line. Runs inside the child JVM
 * the {@link ColdStartBenchmark} starts.
 *
 * <p>Usage: {@code LambdaRunner <handler class> <event file>}
 */
public final class LambdaRunner {
    private LambdaRunner() { }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Class<?> type = Class.forName(args[0]);
        Object handler = type.getDeclaredConstructor().newInstance();
        long t1 = System.nanoTime();
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        String out;
        if (handler instanceof RequestStreamHandler s) {
            ByteArrayOutputStream bout = new ByteArrayOutputStream();
            s.handleRequest(new ByteArrayInputStream(event), bout, context(type.getSimpleName()));
            out = bout.toString(StandardCharsets.UTF_8);
        } else if (handler instanceof RequestHandler<?, ?>) {
            Class<?> input = inputType(type);
            // the runtime's own serializer is case-insensitive about event property names
            var mapper = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                    .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
            Object in = mapper.readValue(event, input);
            Method m = type.getMethod("handleRequest", input, Context.class);
            Object result = m.invoke(handler, in, context(type.getSimpleName()));
            out = String.valueOf(mapper.writeValueAsString(result));
        } else {
            throw new IllegalArgumentException(args[0] + " is not a Lambda handler");
        }
        long t2 = System.nanoTime();
        String peak = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM:")).findFirst().orElse("VmHWM: 0 kB").replaceAll("\\D+", "");
        String snippet = out.length() > 160 ? out.substring(0, 160) : out;
        System.out.println("COLDSTART init_ms=" + (t1 - t0) / 1_000_000 + " invoke_ms=" + (t2 - t1) / 1_000_000
                + " peak_kb=" + peak + " response=" + snippet.replace('\n', ' '));
        System.exit(0);
    }

    private static Class<?> inputType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    return (Class<?>) p.getActualTypeArguments()[0];
                }
            }
            if (c.getGenericSuperclass() instanceof ParameterizedType p && p.getActualTypeArguments().length == 2
                    && RequestHandler.class.isAssignableFrom(c.getSuperclass())) {
                return (Class<?>) p.getActualTypeArguments()[0];
            }
        }
        for (Method m : type.getMethods()) {
            if (m.getName().equals("handleRequest") && m.getParameterCount() == 2 && m.getParameterTypes()[1] == Context.class
                    && m.getParameterTypes()[0] != Object.class) {
                return m.getParameterTypes()[0];
            }
        }
        throw new IllegalArgumentException("cannot find the event type of " + type);
    }

    static Context context(String name) {
        String id = UUID.randomUUID().toString();
        long deadline = System.currentTimeMillis() + 30_000;
        return new Context() {
            public String getAwsRequestId() { return id; }
            public String getLogGroupName() { return "/aws/lambda/" + name; }
            public String getLogStreamName() { return "bench"; }
            public String getFunctionName() { return name; }
            public String getFunctionVersion() { return "$LATEST"; }
            public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:" + name; }
            public CognitoIdentity getIdentity() { return null; }
            public ClientContext getClientContext() { return null; }
            public int getRemainingTimeInMillis() { return (int) Math.max(0, deadline - System.currentTimeMillis()); }
            public int getMemoryLimitInMB() { return 1024; }
            public LambdaLogger getLogger() {
                return new LambdaLogger() {
                    public void log(String message) { System.err.println(message); }
                    public void log(byte[] message) { System.err.println(new String(message, StandardCharsets.UTF_8)); }
                };
            }
        };
    }
}
