package io.edgemesh.local.internal;

import io.edgemesh.common.Json;
import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.Logger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * Lambda's {@code Invoke} API ({@code POST /2015-03-31/functions/{name}/invocations}) as the AWS
 * SDK calls it, so layers call each other with the same {@code LambdaClient} they use in AWS.
 * {@code RequestResponse} answers the payload, with {@code X-Amz-Function-Error: Unhandled} and
 * Lambda's error document when the handler throws or times out; {@code Event} runs it in the
 * background (202); {@code DryRun} only checks the function exists (204). Errors of the API itself
 * carry {@code x-amzn-ErrorType} so the SDK raises the matching exception.
 */
public final class LambdaInvokeEndpoint {
    public static final String PATH_PREFIX = "/2015-03-31/functions/";
    private static final String PATH_SUFFIX = "/invocations";
    /** Lambda's synchronous request payload limit. */
    public static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
    private static final Logger LOG = Log.get(LambdaInvokeEndpoint.class);

    private final Map<String, FunctionInstance> functions;
    private final Invoker invoker;
    private final ExecutorService background;
    private final String prefix;
    private final String region;

    public LambdaInvokeEndpoint(Map<String, FunctionInstance> functions, Invoker invoker, ExecutorService background,
                                String prefix, String region) {
        this.functions = functions;
        this.invoker = invoker;
        this.background = background;
        this.prefix = prefix;
        this.region = region;
    }

    public static boolean matches(String rawPath) {
        return rawPath.startsWith(PATH_PREFIX) && rawPath.endsWith(PATH_SUFFIX)
                && rawPath.length() > PATH_PREFIX.length() + PATH_SUFFIX.length();
    }

    /** The maximum body this endpoint reads; one byte more tells it the payload is too large. */
    public int maxPayloadBytes() { return MAX_PAYLOAD_BYTES; }

    public FunctionUrlEvents.Reply handle(String method, String rawPath, String invocationType, byte[] payload,
                                          boolean payloadTooLarge) {
        if (!method.equals("POST")) {
            return awsError(405, "InvalidRequestContentException", "the invoke API accepts POST only");
        }
        String encoded = rawPath.substring(PATH_PREFIX.length(), rawPath.length() - PATH_SUFFIX.length());
        String requested = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        String logical = logicalName(requested);
        FunctionInstance f = logical == null ? null : functions.get(logical);
        if (f == null) {
            return awsError(404, "ResourceNotFoundException", "Function not found: " + arn(requested));
        }
        if (!f.isLoaded()) {
            return awsError(404, "ResourceNotFoundException", "Function not found: " + arn(prefix + "-" + logical)
                    + " (" + f.problem() + ")");
        }
        if (payloadTooLarge) {
            return awsError(413, "RequestTooLargeException", "Request must be smaller than " + MAX_PAYLOAD_BYTES
                    + " bytes for the InvokeFunction operation");
        }
        String type = invocationType == null || invocationType.isBlank() ? "RequestResponse" : invocationType;
        switch (type) {
            case "DryRun":
                return reply(204, new byte[0], null);
            case "Event":
                background.submit(() -> {
                    Invoker.Outcome<byte[]> o = invoker.invokeBytes(f, payload);
                    if (!o.ok()) LOG.warn("asynchronous invocation failed", "target", logical,
                            "failureType", o.failure().errorType(), "failureMessage", o.failure().errorMessage());
                });
                return reply(202, new byte[0], null);
            case "RequestResponse":
                Invoker.Outcome<byte[]> o = invoker.invokeBytes(f, payload);
                if (o.ok()) return reply(200, o.value() == null ? new byte[0] : o.value(), null);
                LOG.warn("invocation failed", "target", logical, "failureType", o.failure().errorType(),
                        "failureMessage", o.failure().errorMessage());
                return reply(200, Json.writeBytes(o.failure().toJson()), "Unhandled");
            default:
                return awsError(400, "InvalidParameterValueException", "unknown InvocationType " + type);
        }
    }

    /** A function name, partial ARN or ARN (with or without qualifier) → logical name, or null. */
    String logicalName(String requested) {
        String name = requested;
        int fn = name.indexOf(":function:");
        if (fn >= 0) {
            name = name.substring(fn + ":function:".length());
        } else if (name.startsWith("function:")) {
            name = name.substring("function:".length());
        }
        int qualifier = name.indexOf(':');
        if (qualifier >= 0) name = name.substring(0, qualifier);
        if (name.startsWith(prefix + "-")) {
            String logical = name.substring(prefix.length() + 1);
            if (functions.containsKey(logical)) return logical;
        }
        return functions.containsKey(name) ? name : null;
    }

    private String arn(String name) {
        return name.startsWith("arn:") ? name : "arn:aws:lambda:" + region + ":" + LocalContext.ACCOUNT_ID + ":function:" + name;
    }

    private static FunctionUrlEvents.Reply reply(int status, byte[] body, String functionError) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", new ArrayList<>(List.of("application/json")));
        headers.put("X-Amz-Executed-Version", new ArrayList<>(List.of("$LATEST")));
        headers.put("x-amzn-RequestId", new ArrayList<>(List.of(UUID.randomUUID().toString())));
        if (functionError != null) headers.put("X-Amz-Function-Error", new ArrayList<>(List.of(functionError)));
        return new FunctionUrlEvents.Reply(status, headers, body);
    }

    private static FunctionUrlEvents.Reply awsError(int status, String type, String message) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", new ArrayList<>(List.of("application/json")));
        headers.put("x-amzn-ErrorType", new ArrayList<>(List.of(type)));
        headers.put("x-amzn-RequestId", new ArrayList<>(List.of(UUID.randomUUID().toString())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Type", status >= 500 ? "Service" : "User");
        body.put("message", message);
        return new FunctionUrlEvents.Reply(status, headers, Json.writeBytes(body));
    }
}
