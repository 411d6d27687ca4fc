package io.edgemesh.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.analysis.scan.Category;
import io.edgemesh.analysis.scan.PolicyAction;
import io.edgemesh.analysis.scan.ScannerPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ScannerPoliciesTest {

    @Test
    void theSnapshotLayer7WritesOnTheDocumentRowIsRead() {
        // GIVEN the shape the uploads API copies onto each row (lower-case categories, wire actions)
        Map<String, AttributeValue> row = Map.of(
                "maxUploadBytes", AttributeValue.fromN("1048576"),
                "scanPolicy", AttributeValue.fromM(Map.of(
                        "allowedContentTypes", AttributeValue.fromL(List.of(AttributeValue.fromS("application/pdf"), AttributeValue.fromS("text/plain"))),
                        "maxPages", AttributeValue.fromN("50"),
                        "actions", AttributeValue.fromM(Map.of("javascript", AttributeValue.fromS("review"),
                                "uri_link", AttributeValue.fromS("block"), "no_such_category", AttributeValue.fromS("allow"))))));
        ScannerPolicy p = ScannerPolicies.from(row);
        assertThat(p.maxBytes()).isEqualTo(1_048_576);
        assertThat(p.maxPages()).isEqualTo(50);
        assertThat(p.allows("text/plain")).isTrue();
        assertThat(p.action(Category.JAVASCRIPT)).isEqualTo(PolicyAction.REVIEW);
        assertThat(p.action(Category.URI_LINK)).isEqualTo(PolicyAction.BLOCK);
        assertThat(p.action(Category.LAUNCH)).isEqualTo(PolicyAction.BLOCK);
    }

    @Test
    void aMissingOrBrokenPolicyMeansTheStrictDefaults() {
        assertThat(ScannerPolicies.from(Map.of())).isEqualTo(ScannerPolicy.defaults());
        assertThat(ScannerPolicies.from(Map.of("scanPolicy", AttributeValue.fromS("{not json")))).isEqualTo(ScannerPolicy.defaults());
    }
}
