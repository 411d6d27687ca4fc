package io.edgemesh.orchestrator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqsAuditSinkTest {

    @Test
    void the_same_decision_gets_the_same_audit_id_whatever_the_map_order() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("escalationId", "esc_1");
        a.put("reason", "asked");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("reason", "asked");
        b.put("escalationId", "esc_1");
        assertThat(SqsAuditSink.auditId("acme", "chat.escalated", "s1", "succeeded", a))
                .isEqualTo(SqsAuditSink.auditId("acme", "chat.escalated", "s1", "succeeded", b))
                .startsWith("aud_");
    }

    @Test
    void different_decisions_or_tenants_get_different_audit_ids() {
        String ready = SqsAuditSink.auditId("acme", "tenant.ready", "doc_1", "succeeded", Map.of());
        assertThat(SqsAuditSink.auditId("acme", "tenant.pending", "doc_1", "succeeded", Map.of())).isNotEqualTo(ready);
        assertThat(SqsAuditSink.auditId("globex", "tenant.ready", "doc_1", "succeeded", Map.of())).isNotEqualTo(ready);
        assertThat(SqsAuditSink.auditId("acme", "tenant.ready", "doc_2", "succeeded", Map.of())).isNotEqualTo(ready);
    }
}
