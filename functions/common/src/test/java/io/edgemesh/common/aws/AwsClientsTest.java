package io.edgemesh.common.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgemesh.common.FunctionConfig;
import io.edgemesh.routes.Names;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** No server needed: what is checked here is visible in the built clients and presigned URLs. */
class AwsClientsTest {
    private static final Map<String, String> LOCAL = Map.of(
            "AWS_REGION", "eu-west-1",
            "AWS_ACCESS_KEY_ID", "edgemesh",
            "AWS_SECRET_ACCESS_KEY", "edgemesh-local-secret",
            Names.ENV_ENDPOINT_S3, "http://127.0.0.1:9123",
            Names.ENV_ENDPOINT_SQS, "http://127.0.0.1:9124",
            Names.ENV_ENDPOINT_DYNAMODB, "http://127.0.0.1:9125",
            Names.ENV_ENDPOINT_LAMBDA, "http://127.0.0.1:9126");

    @Test
    void an_explicit_map_with_keys_gives_static_credentials_and_its_region() {
        try (AwsClients c = AwsClients.from(FunctionConfig.of(LOCAL))) {
            assertThat(c.region()).isEqualTo(Region.EU_WEST_1);
            assertThat(c.credentialsProvider()).isInstanceOf(StaticCredentialsProvider.class);
            assertThat(c.credentialsProvider().resolveCredentials().accessKeyId()).isEqualTo("edgemesh");
        }
    }

    @Test
    void a_session_token_is_kept() {
        Map<String, String> env = new java.util.HashMap<>(LOCAL);
        env.put("AWS_SESSION_TOKEN", "tok");
        try (AwsClients c = AwsClients.from(FunctionConfig.of(env))) {
            assertThat(c.credentialsProvider().resolveCredentials()).isInstanceOf(AwsSessionCredentials.class);
        }
    }

    @Test
    void without_keys_the_default_chain_is_used() {
        try (AwsClients c = AwsClients.from(FunctionConfig.of(Map.of("AWS_REGION", "us-east-1")))) {
            assertThat(c.credentialsProvider()).isInstanceOf(DefaultCredentialsProvider.class);
        }
    }

    @Test
    void endpoint_overrides_reach_the_clients_and_s3_goes_path_style() {
        try (AwsClients c = AwsClients.from(FunctionConfig.of(LOCAL))) {
            assertThat(c.sqs().serviceClientConfiguration().endpointOverride()).hasValueSatisfying(
                    u -> assertThat(u.toString()).isEqualTo("http://127.0.0.1:9124"));
            assertThat(c.dynamoDb().serviceClientConfiguration().endpointOverride()).isPresent();
            assertThat(c.lambda().serviceClientConfiguration().endpointOverride()).isPresent();
            // path style: the bucket is in the path, not in the host name S3Proxy cannot resolve
            String url = c.s3().utilities().getUrl(b -> b.bucket("edgemesh-uploads").key("tenants/acme/incoming/d1")).toString();
            assertThat(url).startsWith("http://127.0.0.1:9123/edgemesh-uploads/tenants/acme/incoming/d1");
            String presigned = c.s3Presigner().presignPutObject(b -> b.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(r -> r.bucket("edgemesh-uploads").key("tenants/acme/incoming/d1")))
                    .url().toString();
            assertThat(presigned).startsWith("http://127.0.0.1:9123/edgemesh-uploads/tenants/acme/incoming/d1?")
                    .doesNotContainIgnoringCase("x-amz-checksum").doesNotContainIgnoringCase("x-amz-sdk-checksum");
        }
    }

    @Test
    void clients_are_built_once_and_shared() {
        try (AwsClients c = AwsClients.from(FunctionConfig.of(LOCAL))) {
            assertThat(c.s3()).isSameAs(c.s3());
            assertThat(c.dynamoDbEnhanced()).isSameAs(c.dynamoDbEnhanced());
        }
    }

    @Test
    void a_bad_endpoint_fails_at_init_naming_the_variable() {
        assertThatThrownBy(() -> AwsClients.from(FunctionConfig.of(Map.of(Names.ENV_ENDPOINT_SQS, "not a url"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(Names.ENV_ENDPOINT_SQS);
        assertThatThrownBy(() -> AwsClients.from(FunctionConfig.of(Map.of(Names.ENV_ENDPOINT_S3, "ftp://x"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(Names.ENV_ENDPOINT_S3);
    }

    @Test
    void without_an_override_s3_uses_virtual_hosted_aws_urls() {
        try (AwsClients c = AwsClients.from(FunctionConfig.of(Map.of("AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "a", "AWS_SECRET_ACCESS_KEY", "b")))) {
            assertThat(c.s3().utilities().getUrl(b -> b.bucket("edgemesh-uploads").key("k")).getHost())
                    .isEqualTo("edgemesh-uploads.s3.amazonaws.com");
        }
    }
}
