package io.edgemesh.local.internal;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import io.edgemesh.routes.FunctionDef;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The {@link Context} Lambda hands a handler, with the values a deployed function would see: the
 * physical function name and ARN, the configured memory, and a remaining time that counts down
 * from the function's timeout (the invoker enforces the same deadline).
 */
public final class LocalContext implements Context {
    public static final String ACCOUNT_ID = "000000000000";

    private final String requestId;
    private final String physicalName;
    private final FunctionDef def;
    private final String region;
    private final long deadlineNanos;
    private final LambdaLogger logger;

    public LocalContext(String requestId, FunctionDef def, String prefix, String region) {
        this.requestId = requestId;
        this.def = def;
        this.physicalName = prefix + "-" + def.name();
        this.region = region;
        this.deadlineNanos = System.nanoTime() + def.timeoutSeconds() * 1_000_000_000L;
        this.logger = new StdoutLogger(System.out);
    }

    @Override public String getAwsRequestId() { return requestId; }

    @Override public String getLogGroupName() { return "/aws/lambda/" + physicalName; }

    @Override public String getLogStreamName() {
        return LocalDate.now() + "/[$LATEST]local-" + ProcessHandle.current().pid();
    }

    @Override public String getFunctionName() { return physicalName; }

    @Override public String getFunctionVersion() { return "$LATEST"; }

    @Override public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT_ID + ":function:" + physicalName;
    }

    @Override public CognitoIdentity getIdentity() { return null; }

    @Override public ClientContext getClientContext() { return null; }

    @Override public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override public int getMemoryLimitInMB() { return def.memoryMb(); }

    @Override public LambdaLogger getLogger() { return logger; }

    /** Lambda sends what a function logs to CloudWatch line by line; locally it is standard output. */
    static final class StdoutLogger implements LambdaLogger {
        private final PrintStream out;

        StdoutLogger(PrintStream out) { this.out = out; }

        @Override public void log(String message) {
            if (message == null) return;
            out.print(message.endsWith("\n") ? message : message + "\n");
        }

        @Override public void log(byte[] message) {
            if (message != null) log(new String(message, StandardCharsets.UTF_8));
        }

        @Override public void log(String message, LogLevel level) {
            log(level == null || level == LogLevel.UNDEFINED ? message : "[" + level + "] " + message);
        }
    }
}
