package io.edgemesh.infra.internal;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.Stack;

/**
 * The cdk-nag suppressions of EdgeMesh, each with the specific reason it is acceptable. Anything not
 * listed here fails the synth.
 */
public final class NagPolicy {
    private NagPolicy() { }

    public static void apply(Stack stack) {
        NagSuppressions.addStackSuppressions(stack, List.of(
                NagPackSuppression.builder().id("AwsSolutions-IAM5").reason(
                        "Resource wildcards are limited to: object keys under the tenants/ prefix (tenants/<tenant>/ in a sandbox; "
                        + "S3 cannot name keys that do not exist yet), DynamoDB index ARNs of the mesh's own tables, the log streams "
                        + "of each function's own log group, and X-Ray segments (X-Ray has no resource-level permissions). "
                        + "No statement has a wildcard action.").build(),
                NagPackSuppression.builder().id("AwsSolutions-L1").reason(
                        "Functions target the java21 runtime on purpose: the project compiles with --release 21 and SnapStart "
                        + "priming is validated on it; CDK-managed custom resources pin their own Node runtime.").build(),
                NagPackSuppression.builder().id("AwsSolutions-SMG4").reason(
                        "The envelope key ring rotates by adding a key id and retiring the old one after overlap (no downtime); "
                        + "admin token and session key rotate by redeploying the secret. Lambda-based automatic rotation would "
                        + "break in-flight sessions without that overlap.").build(),
                NagPackSuppression.builder().id("AwsSolutions-IAM4").reason(
                        "Only CDK's own custom resources (bucket notifications, auto-delete objects, log retention) use "
                        + "AWSLambdaBasicExecutionRole; EdgeMesh functions have their own roles with explicit statements.").build()));
    }
}
