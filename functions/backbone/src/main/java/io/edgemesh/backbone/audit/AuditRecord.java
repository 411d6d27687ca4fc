package io.edgemesh.backbone.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * One link of a tenant's audit chain, as stored at {@code tenants/{tenant}/audit/{seq}.json}.
 *
 * @param seq      1, 2, 3… with no gaps per tenant
 * @param eventId  the {@code auditId} of the event it records (appending is idempotent on it)
 * @param time     when the audited thing happened (ISO-8601 UTC)
 * @param type     the event's action, e.g. {@code document.quarantined}
 * @param prevHash the previous record's {@code hash}; 64 zeros for the first record
 * @param hash     SHA-256 (hex) of this record's canonical JSON without {@code hash}
 */
@JsonPropertyOrder(alphabetic = true)
public record AuditRecord(String tenantId, long seq, String eventId, String time, String type, String actor,
                          String resourceId, String outcome, Map<String, Object> details, String prevHash, String hash) { }
