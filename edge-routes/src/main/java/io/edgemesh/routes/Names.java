package io.edgemesh.routes;

import java.util.Locale;

/**
 * How logical names become physical names and environment variables. Every deployment has a
 * prefix: {@code edgemesh} for the shared mesh, {@code edgemesh-<tenant>} for a sandbox copy.
 * A function learns the physical name of each resource it may touch from environment variables
 * named here, set by the CDK app in AWS and by the local edge locally.
 */
public final class Names {

    private Names() { }

    public static final String DEFAULT_PREFIX = "edgemesh";

    /** {@code <prefix>-<logical>}; for FIFO queues the {@code .fifo} suffix stays last. */
    public static String physical(String prefix, String logical) {
        return prefix + "-" + logical;
    }

    /** Environment variable carrying a table's physical name: {@code EDGEMESH_TABLE_RATE_LIMITS}. */
    public static String tableEnv(String logical) { return "EDGEMESH_TABLE_" + constant(logical); }

    /** Environment variable carrying a queue's URL: {@code EDGEMESH_QUEUE_INDEX_REQUESTS}. */
    public static String queueEnv(String logical) { return "EDGEMESH_QUEUE_" + constant(logical); }

    /** Environment variable carrying a bucket's physical name: {@code EDGEMESH_BUCKET_UPLOADS}. */
    public static String bucketEnv(String logical) { return "EDGEMESH_BUCKET_" + constant(logical); }

    /** Environment variable carrying a function's name or ARN (alias): {@code EDGEMESH_FUNCTION_SEARCH}. */
    public static String functionEnv(String logical) { return "EDGEMESH_FUNCTION_" + constant(logical); }

    /** {@code index-requests.fifo} → {@code INDEX_REQUESTS}. */
    public static String constant(String logical) {
        String base = logical.endsWith(".fifo") ? logical.substring(0, logical.length() - 5) : logical;
        return base.replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
    }

    // Well-known environment variables beyond resource names.
    /** Deployment prefix. */
    public static final String ENV_PREFIX = "EDGEMESH_PREFIX";
    /** This function's logical name. */
    public static final String ENV_FUNCTION_NAME = "EDGEMESH_FUNCTION_NAME";
    /** AWS region. */
    public static final String ENV_REGION = "AWS_REGION";
    /** Endpoint overrides (local edge and tests): DynamoDB, SQS, S3, Lambda (invocations). */
    public static final String ENV_ENDPOINT_DYNAMODB = "EDGEMESH_ENDPOINT_DYNAMODB";
    public static final String ENV_ENDPOINT_SQS = "EDGEMESH_ENDPOINT_SQS";
    public static final String ENV_ENDPOINT_S3 = "EDGEMESH_ENDPOINT_S3";
    public static final String ENV_ENDPOINT_LAMBDA = "EDGEMESH_ENDPOINT_LAMBDA";
    public static final String ENV_ENDPOINT_SECRETSMANAGER = "EDGEMESH_ENDPOINT_SECRETSMANAGER";
    /** Envelope HMAC keys for local runs: {@code kid1:base64key,kid2:base64key}; the first signs. */
    public static final String ENV_ENVELOPE_KEYS = "EDGEMESH_ENVELOPE_KEYS";
    /** Secrets Manager secret holding the envelope key ring in AWS. */
    public static final String ENV_ENVELOPE_SECRET_ARN = "EDGEMESH_ENVELOPE_SECRET_ARN";
    /** Admin token (local) or the secret holding it (AWS). */
    public static final String ENV_ADMIN_TOKEN = "EDGEMESH_ADMIN_TOKEN";
    public static final String ENV_ADMIN_TOKEN_SECRET_ARN = "EDGEMESH_ADMIN_TOKEN_SECRET_ARN";
    /** Session-token (JWT) signing key for local runs, or the secret holding it in AWS. */
    public static final String ENV_SESSION_KEY = "EDGEMESH_SESSION_KEY";
    public static final String ENV_SESSION_KEY_SECRET_ARN = "EDGEMESH_SESSION_KEY_SECRET_ARN";
    /** Optional clamd address host:port for the signature scanner. */
    public static final String ENV_CLAMD = "EDGEMESH_CLAMD_ADDRESS";
}
