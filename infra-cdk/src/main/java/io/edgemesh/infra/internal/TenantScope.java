package io.edgemesh.infra.internal;

import io.edgemesh.infra.MeshSpec;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * Narrows data permissions to one tenant where the service supports it: in a sandbox stack every
 * DynamoDB statement carries {@code dynamodb:LeadingKeys} (partition keys start with the tenant id)
 * and S3 statements are limited to {@code tenants/<tenant>/}. The shared mesh serves every tenant,
 * so there the scope is the {@code tenants/} prefix and the mesh's own tables.
 */
final class TenantScope {
    private final MeshSpec spec;

    TenantScope(MeshSpec spec) {
        this.spec = spec;
    }

    PolicyStatement dynamo(PolicyStatement.Builder b) {
        if (spec.isSandbox()) {
            b.conditions(Map.of("ForAllValues:StringLike",
                    Map.of("dynamodb:LeadingKeys", List.of(spec.tenant(), spec.tenant() + "#*"))));
        }
        return b.build();
    }

    String s3Prefix() {
        return spec.isSandbox() ? "tenants/" + spec.tenant() + "/" : "tenants/";
    }
}
