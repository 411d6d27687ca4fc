package io.edgemesh.local.internal;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JavaType;
import io.edgemesh.routes.FunctionDef;

/**
 * One function of the catalog as this host holds it: its handler when it started, or why not.
 * {@code inputType} is the event type of a {@link RequestHandler}, read from its type arguments the
 * way the Lambda Java runtime reads it.
 */
public record FunctionInstance(FunctionDef def, Object handler, JavaType inputType, Status status, String problem) {

    public enum Status { LOADED, NOT_BUILT, FAILED }

    public static FunctionInstance loaded(FunctionDef def, Object handler) {
        if (handler instanceof RequestStreamHandler) {
            return new FunctionInstance(def, handler, null, Status.LOADED, null);
        }
        if (handler instanceof RequestHandler<?, ?>) {
            JavaType[] params = LambdaJson.MAPPER.getTypeFactory().findTypeParameters(handler.getClass(), RequestHandler.class);
            JavaType input = params != null && params.length == 2 ? params[0]
                    : LambdaJson.MAPPER.getTypeFactory().constructType(Object.class);
            return new FunctionInstance(def, handler, input, Status.LOADED, null);
        }
        throw new IllegalArgumentException(def.name() + ": " + handler.getClass().getName()
                + " is neither a RequestHandler nor a RequestStreamHandler");
    }

    public static FunctionInstance notBuilt(FunctionDef def) {
        return new FunctionInstance(def, null, null, Status.NOT_BUILT, "not built yet: " + def.handler() + " is not on the class path");
    }

    public static FunctionInstance failed(FunctionDef def, String problem) {
        return new FunctionInstance(def, null, null, Status.FAILED, problem);
    }

    public boolean isLoaded() { return status == Status.LOADED; }

    public String name() { return def.name(); }

    public boolean isStreamHandler() { return handler instanceof RequestStreamHandler; }
}
