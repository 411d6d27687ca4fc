package io.edgemesh.local;

import io.edgemesh.routes.FunctionDef;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Creates a function's handler for the local edge. The default builds the class named by
 * {@link FunctionDef#handler()} through its public {@code (Map<String,String>)} constructor, the one
 * every handler has for hosts that pass the environment explicitly. Tests swap in their own handlers.
 */
@FunctionalInterface
public interface FunctionFactory {

    /**
     * @return the handler (a {@code RequestHandler} or {@code RequestStreamHandler}), or empty when
     *         this function is not available in this build
     * @throws Exception when the handler exists but cannot start (reported, never fatal)
     */
    Optional<Object> create(FunctionDef def, Map<String, String> env) throws Exception;

    /**
     * Loads and initialises the handler's class ahead of {@link #create}, so class loading overlaps
     * with the servers starting. Optional: the default does nothing.
     */
    default void preload(FunctionDef def) { }

    /** Handlers by class name from the class path; a class that is not there yet is "not built". */
    static FunctionFactory reflective() {
        return new FunctionFactory() {
            @Override
            public void preload(FunctionDef def) {
                try {
                    Class.forName(def.handler(), true, FunctionFactory.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    // reported by create(), which tries again
                }
            }

            @Override
            public Optional<Object> create(FunctionDef def, Map<String, String> env) throws Exception {
                Class<?> type;
                try {
                    type = Class.forName(def.handler(), true, FunctionFactory.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    return Optional.empty();
                }
                Constructor<?> constructor;
                try {
                    constructor = type.getConstructor(Map.class);
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException(def.handler() + " has no public (Map<String,String>) constructor", e);
                }
                try {
                    return Optional.of(constructor.newInstance(env));
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception ex ? ex : e;
                }
            }
        };
    }

    /** Exactly the given handlers, by logical function name; every other function is absent. */
    static FunctionFactory of(Map<String, Function<Map<String, String>, Object>> handlers) {
        Map<String, Function<Map<String, String>, Object>> copy = Map.copyOf(handlers);
        return (def, env) -> Optional.ofNullable(copy.get(def.name())).map(f -> f.apply(env));
    }
}
