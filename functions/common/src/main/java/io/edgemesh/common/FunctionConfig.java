package io.edgemesh.common;

import io.edgemesh.routes.Names;
import java.util.Map;
import java.util.Optional;

/**
 * The one place a function reads its environment. In Lambda it wraps {@code System.getenv()};
 * the local edge and tests pass a map, because several functions share one JVM there. Resource
 * names come from the variables that {@link Names} defines, so the CDK app and the local edge set
 * exactly what is read here.
 */
public final class FunctionConfig {
    private final Map<String, String> env;
    private final boolean processEnvironment;

    private FunctionConfig(Map<String, String> env, boolean processEnvironment) {
        this.env = Map.copyOf(env);
        this.processEnvironment = processEnvironment;
    }

    public static FunctionConfig fromSystem() { return new FunctionConfig(System.getenv(), true); }

    public static FunctionConfig of(Map<String, String> env) { return new FunctionConfig(env, false); }

    /**
     * True when this is the process environment (Lambda). AWS clients then use the default
     * credentials chain, which re-resolves after a SnapStart restore, instead of freezing the keys.
     */
    public boolean isProcessEnvironment() { return processEnvironment; }

    public Map<String, String> asMap() { return env; }

    public Optional<String> get(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    public String get(String name, String fallback) { return get(name).orElse(fallback); }

    public int getInt(String name, int fallback) {
        return get(name).map(v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("environment variable " + name + " is not an integer: " + v, e);
            }
        }).orElse(fallback);
    }

    /** A required variable; a missing one is a deployment error and says which variable. */
    public String require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException("missing environment variable " + name));
    }

    public String prefix() { return get(Names.ENV_PREFIX, Names.DEFAULT_PREFIX); }

    public String region() { return get(Names.ENV_REGION).or(() -> get("AWS_DEFAULT_REGION")).orElse("us-east-1"); }

    /** This function's logical name (for envelopes, logs and metrics). */
    public String functionName() { return get(Names.ENV_FUNCTION_NAME, "unknown"); }

    /** Physical table name for a logical one, defaulting to {@code <prefix>-<logical>}. */
    public String table(String logical) {
        return get(Names.tableEnv(logical)).orElse(Names.physical(prefix(), logical));
    }

    /** Queue URL for a logical queue name; required, because a URL cannot be guessed. */
    public String queueUrl(String logical) { return require(Names.queueEnv(logical)); }

    /** Physical bucket name, defaulting to {@code <prefix>-<logical>}. */
    public String bucket(String logical) {
        return get(Names.bucketEnv(logical)).orElse(Names.physical(prefix(), logical));
    }

    /** Function name or ARN to invoke for a logical function, defaulting to {@code <prefix>-<logical>}. */
    public String function(String logical) {
        return get(Names.functionEnv(logical)).orElse(Names.physical(prefix(), logical));
    }
}
