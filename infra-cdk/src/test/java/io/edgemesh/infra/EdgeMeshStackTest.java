package io.edgemesh.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.routes.FunctionDef;
import io.edgemesh.routes.QueueDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

@SuppressWarnings("unchecked")
class EdgeMeshStackTest {

    private final Template t = Synth.shared().template();

    private Map<String, Map<String, Object>> resources(String type) {
        return (Map<String, Map<String, Object>>) (Map<?, ?>) t.findResources(type);
    }

    private static Map<String, Object> props(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    @Test
    void every_catalog_function_is_java21_on_arm64_with_snapstart_and_a_live_alias() {
        // GIVEN the shared mesh WHEN synthesised THEN each catalog function exists exactly once, as specified
        for (FunctionDef def : EdgeMeshResources.FUNCTIONS) {
            t.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "FunctionName", "edgemesh-" + def.name(),
                    "Runtime", "java21",
                    "Architectures", List.of("arm64"),
                    "Handler", def.handler() + "::handleRequest",
                    "MemorySize", def.memoryMb(),
                    "Timeout", def.timeoutSeconds(),
                    "SnapStart", Map.of("ApplyOn", "PublishedVersions"))));
        }
        // CDK adds its own helper functions (bucket notifications, auto-delete): count ours by name.
        long ours = resources("AWS::Lambda::Function").values().stream()
                .filter(r -> String.valueOf(props(r).get("FunctionName")).startsWith("edgemesh-")).count();
        assertThat(ours).isEqualTo(EdgeMeshResources.FUNCTIONS.size());
        t.resourceCountIs("AWS::Lambda::Alias", EdgeMeshResources.FUNCTIONS.size());
        t.allResourcesProperties("AWS::Lambda::Alias", Match.objectLike(Map.of("Name", "live")));
    }

    @Test
    void only_layer1_has_a_public_function_url() {
        t.resourceCountIs("AWS::Lambda::Url", 1);
        t.hasResourceProperties("AWS::Lambda::Url", Match.objectLike(Map.of("AuthType", "NONE")));
        // the URL targets the ingress alias, never a private layer
        var url = resources("AWS::Lambda::Url").values().iterator().next();
        assertThat(String.valueOf(props(url).get("TargetFunctionArn"))).contains("ingress");
        t.hasOutput("Layer1Url", Match.anyValue());
    }

    @Test
    void every_queue_has_a_dead_letter_queue_and_six_times_the_consumer_timeout() {
        for (QueueDef q : EdgeMeshResources.QUEUES) {
            Map<String, Object> queue = resources("AWS::SQS::Queue").values().stream()
                    .filter(r -> ("edgemesh-" + q.name()).equals(props(r).get("QueueName"))).findFirst().orElseThrow();
            Map<String, Object> p = props(queue);
            Map<String, Object> redrive = (Map<String, Object>) p.get("RedrivePolicy");
            assertThat(redrive).as(q.name()).containsEntry("maxReceiveCount", q.maxReceiveCount()).containsKey("deadLetterTargetArn");
            int consumerTimeout = EdgeMeshResources.FUNCTIONS.stream()
                    .filter(f -> f.sources().stream().anyMatch(s -> s.queue().equals(q.name())))
                    .mapToInt(FunctionDef::timeoutSeconds).max().orElse(0);
            assertThat(((Number) p.get("VisibilityTimeout")).intValue()).as(q.name()).isGreaterThanOrEqualTo(6 * consumerTimeout);
            assertThat(p).as(q.name()).containsKey("KmsMasterKeyId");
        }
        // each queue plus its DLQ
        t.resourceCountIs("AWS::SQS::Queue", 2 * EdgeMeshResources.QUEUES.size());
    }

    @Test
    void data_is_encrypted_recoverable_and_private() {
        t.allResourcesProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                "BillingMode", "PAY_PER_REQUEST",
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "SSESpecification", Match.objectLike(Map.of("SSEEnabled", true, "SSEType", "KMS")))));
        t.resourceCountIs("AWS::DynamoDB::Table", EdgeMeshResources.TABLES.size());
        t.hasResourceProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                "TableName", "edgemesh-sessions",
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true))));
        t.allResourcesProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "BucketEncryption", Match.anyValue())));
        t.allResourcesProperties("AWS::SQS::Queue", Match.objectLike(Map.of("KmsMasterKeyId", Match.anyValue())));
        // the audit bucket is write-once
        t.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of("ObjectLockEnabled", true)));
        t.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("EnableKeyRotation", true)));
    }

    @Test
    void no_iam_statement_grants_a_wildcard_action() {
        List<String> offending = new ArrayList<>();
        for (var e : resources("AWS::IAM::Policy").entrySet()) {
            Map<String, Object> doc = (Map<String, Object>) props(e.getValue()).get("PolicyDocument");
            for (Map<String, Object> st : (List<Map<String, Object>>) doc.get("Statement")) {
                Object action = st.get("Action");
                List<String> actions = action instanceof List<?> l ? (List<String>) l : List.of(String.valueOf(action));
                actions.stream().filter(a -> a.contains("*")).forEach(a -> offending.add(e.getKey() + " " + a));
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void uploads_fan_out_to_exactly_one_queue_per_scanner_with_raw_s3_events() {
        t.resourceCountIs("AWS::SNS::Subscription", EdgeMeshResources.SCANNER_QUEUES.size());
        t.allResourcesProperties("AWS::SNS::Subscription", Match.objectLike(Map.of("Protocol", "sqs", "RawMessageDelivery", true)));
        t.resourceCountIs("Custom::S3BucketNotifications", 1);
        t.hasResourceProperties("Custom::S3BucketNotifications", Match.objectLike(Map.of(
                "NotificationConfiguration", Match.objectLike(Map.of("TopicConfigurations", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Events", List.of("s3:ObjectCreated:*"))))))))));
    }

    @Test
    void private_layers_are_invokable_only_along_the_catalog_edges() {
        // Count lambda:InvokeFunction statements: one per declared invoke edge, nothing more.
        int edges = EdgeMeshResources.FUNCTIONS.stream().mapToInt(f -> f.invokes().size()).sum();
        int grants = 0;
        for (var e : resources("AWS::IAM::Policy").values()) {
            Map<String, Object> doc = (Map<String, Object>) props(e).get("PolicyDocument");
            for (Map<String, Object> st : (List<Map<String, Object>>) doc.get("Statement")) {
                Object action = st.get("Action");
                List<?> actions = action instanceof List<?> l ? l : List.of(action);
                if (actions.contains("lambda:InvokeFunction")) {
                    Object res = st.get("Resource");
                    grants += res instanceof List<?> rl ? rl.size() : 1;
                }
            }
        }
        assertThat(grants).isEqualTo(edges);
    }

    @Test
    void alarms_watch_every_dlq_and_every_function() {
        t.resourceCountIs("AWS::CloudWatch::Alarm",
                EdgeMeshResources.QUEUES.size() + 2 * EdgeMeshResources.FUNCTIONS.size());
        t.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
    }

    @Test
    void cdk_nag_reports_no_errors_on_the_shared_mesh() {
        assertThat(Synth.shared().nagErrors()).isEmpty();
    }
}
