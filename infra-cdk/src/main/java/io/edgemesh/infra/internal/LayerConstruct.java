package io.edgemesh.infra.internal;

import io.edgemesh.infra.MeshSpec;
import io.edgemesh.routes.EventSourceDef;
import io.edgemesh.routes.FunctionDef;
import io.edgemesh.routes.Layer;
import io.edgemesh.routes.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.RecursiveLoop;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The functions of one layer: each with its own role (no managed policies, no wildcard actions),
 * log group with retention, SnapStart on published versions behind a {@code live} alias, and its
 * queue event sources. Cross-layer invoke grants are added by the stack once every layer exists.
 */
public final class LayerConstruct extends Construct {

    /** A deployed function: definition, function, alias (what callers and event sources use), role. */
    public record Deployed(FunctionDef def, Function function, Alias alias, Role role) { }

    private final Map<String, Deployed> functions = new LinkedHashMap<>();

    public LayerConstruct(Construct scope, String id, MeshSpec spec, Layer layer, List<FunctionDef> defs,
                          DataConstruct data, LambdaAssets assets) {
        super(scope, id);
        for (FunctionDef def : defs) {
            if (def.layer() != layer) throw new IllegalArgumentException(def.name() + " is not in layer " + layer);
            functions.put(def.name(), deploy(def, spec, data, assets));
        }
    }

    private Deployed deploy(FunctionDef def, MeshSpec spec, DataConstruct data, LambdaAssets assets) {
        String physical = Names.physical(spec.prefix(), def.name());
        LogGroup logs = LogGroup.Builder.create(this, def.name() + "-Logs")
                .logGroupName("/aws/lambda/" + physical)
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(spec.retainData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        Role role = Role.Builder.create(this, def.name() + "-Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("EdgeMesh " + def.name() + " (layer " + def.layer().number() + ")")
                .build();
        role.addToPolicy(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logs.getLogGroupArn(), logs.getLogGroupArn() + ":log-stream:*")).build());
        role.addToPolicy(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                .actions(List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"))
                .resources(List.of("*")).build());

        Map<String, String> env = new LinkedHashMap<>();
        env.put(Names.ENV_PREFIX, spec.prefix());
        env.put(Names.ENV_FUNCTION_NAME, def.name());
        // Lambda's recommended flags for short-lived Java functions (client compiler only).
        env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        env.put(Names.ENV_ENVELOPE_SECRET_ARN, data.envelopeKeys().getSecretArn());
        if (spec.isSandbox()) env.put("EDGEMESH_SANDBOX_TENANT", spec.tenant());

        Function fn = Function.Builder.create(this, def.name())
                .functionName(physical)
                .description("EdgeMesh layer " + def.layer().number() + " (" + def.layer().id() + "): " + def.name())
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(def.handler() + "::handleRequest")
                .code(Code.fromAsset(assets.jarFor(def).toString()))
                .memorySize(def.memoryMb())
                .timeout(Duration.seconds(def.timeoutSeconds()))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .role(role)
                .logGroup(logs)
                .loggingFormat(LoggingFormat.JSON)
                .tracing(Tracing.ACTIVE)
                .recursiveLoop(RecursiveLoop.TERMINATE)
                .environment(env)
                .environmentEncryption(data.key())
                .reservedConcurrentExecutions(def.reservedConcurrency())
                .build();
        Alias alias = Alias.Builder.create(this, def.name() + "-Live")
                .aliasName("live")
                .version(fn.getCurrentVersion())
                .build();

        TenantScope scope = new TenantScope(spec);
        for (String t : def.tables()) {
            var table = data.table(t);
            fn.addEnvironment(Names.tableEnv(t), table.getTableName());
            role.addToPolicy(scope.dynamo(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                    .actions(List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem",
                            "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
                            "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable"))
                    .resources(List.of(table.getTableArn(), table.getTableArn() + "/index/*"))));
        }
        List<String> queueNames = new ArrayList<>(def.queuesSentTo());
        for (String q : def.queuesSentTo()) {
            var queue = data.queue(q);
            fn.addEnvironment(Names.queueEnv(q), queue.getQueueUrl());
            role.addToPolicy(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                    .actions(List.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"))
                    .resources(List.of(queue.getQueueArn())).build());
        }
        for (EventSourceDef src : def.sources()) {
            var queue = data.queue(src.queue());
            if (!queueNames.contains(src.queue())) fn.addEnvironment(Names.queueEnv(src.queue()), queue.getQueueUrl());
            var props = software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps.builder()
                    .batchSize(src.batchSize())
                    .reportBatchItemFailures(src.reportBatchItemFailures());
            // FIFO event sources do not accept a batching window.
            if (src.maxBatchingWindowSeconds() > 0 && !src.queue().endsWith(".fifo")) {
                props.maxBatchingWindow(Duration.seconds(src.maxBatchingWindowSeconds()));
            }
            alias.addEventSource(new SqsEventSource(queue, props.build()));
        }
        for (String b : def.buckets()) {
            var bucket = data.bucket(b);
            fn.addEnvironment(Names.bucketEnv(b), bucket.getBucketName());
            role.addToPolicy(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                    .actions(List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:GetObjectTagging",
                            "s3:PutObjectTagging"))
                    .resources(List.of(bucket.getBucketArn() + "/" + scope.s3Prefix() + "*")).build());
            role.addToPolicy(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                    .actions(List.of("s3:ListBucket"))
                    .resources(List.of(bucket.getBucketArn()))
                    .conditions(Map.of("StringLike", Map.of("s3:prefix", List.of(scope.s3Prefix() + "*"))))
                    .build());
        }
        role.addToPolicy(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                .actions(List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"))
                .resources(List.of(data.key().getKeyArn())).build());
        role.addToPolicy(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                .actions(List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"))
                .resources(List.of(data.envelopeKeys().getSecretArn())).build());
        return new Deployed(def, fn, alias, role);
    }

    public Map<String, Deployed> functions() { return functions; }
}
