package io.edgemesh.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

@SuppressWarnings("unchecked")
class TenantSandboxStackTest {

    private final Template t = Synth.sandbox().template();

    @Test
    void sandbox_stack_is_named_for_its_tenant_and_owns_every_resource() {
        assertThat(Synth.sandbox().stack().getStackName()).isEqualTo("EdgeMesh-sandbox-acme");
        Map<String, Map<String, Object>> tables = (Map<String, Map<String, Object>>) (Map<?, ?>) t.findResources("AWS::DynamoDB::Table");
        assertThat(tables.values()).allSatisfy(r ->
                assertThat(String.valueOf(((Map<String, Object>) r.get("Properties")).get("TableName"))).startsWith("edgemesh-acme-"));
        Map<String, Map<String, Object>> queues = (Map<String, Map<String, Object>>) (Map<?, ?>) t.findResources("AWS::SQS::Queue");
        assertThat(queues.values()).allSatisfy(r ->
                assertThat(String.valueOf(((Map<String, Object>) r.get("Properties")).get("QueueName"))).startsWith("edgemesh-acme-"));
        // nothing imported from the shared mesh
        assertThat(t.toJSON().toString()).doesNotContain("Fn::ImportValue");
    }

    @Test
    void sandbox_data_permissions_are_narrowed_to_the_tenant() {
        Map<String, Map<String, Object>> policies = (Map<String, Map<String, Object>>) (Map<?, ?>) t.findResources("AWS::IAM::Policy");
        int dynamo = 0;
        int s3 = 0;
        for (var p : policies.values()) {
            Map<String, Object> doc = (Map<String, Object>) ((Map<String, Object>) p.get("Properties")).get("PolicyDocument");
            for (Map<String, Object> st : (List<Map<String, Object>>) doc.get("Statement")) {
                Object action = st.get("Action");
                List<?> actions = action instanceof List<?> l ? l : List.of(action);
                if (actions.contains("dynamodb:GetItem")) {
                    dynamo++;
                    assertThat(st.get("Condition").toString()).contains("dynamodb:LeadingKeys").contains("acme");
                }
                if (actions.contains("s3:GetObject")) {
                    s3++;
                    assertThat(st.get("Resource").toString()).contains("/tenants/acme/*");
                }
            }
        }
        assertThat(dynamo).isPositive();
        assertThat(s3).isPositive();
    }

    @Test
    void cdk_nag_reports_no_errors_on_the_sandbox() {
        assertThat(Synth.sandbox().nagErrors()).isEmpty();
    }

    @Test
    void sandbox_rejects_a_malformed_tenant_id() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MeshSpec.sandbox("Acme Corp!", java.nio.file.Path.of(".")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sandbox tenant id");
    }
}
