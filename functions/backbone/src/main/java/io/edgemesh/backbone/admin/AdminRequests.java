package io.edgemesh.backbone.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.backbone.internal.Fields;
import io.edgemesh.backbone.tenants.NewTenant;
import io.edgemesh.backbone.tenants.ScanAction;
import io.edgemesh.backbone.tenants.TenantPatch;
import io.edgemesh.backbone.tenants.TenantStatus;
import io.edgemesh.backbone.tenants.TenantStore;
import io.edgemesh.backbone.tenants.TrustLevel;
import io.edgemesh.common.ApiException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Turns admin request bodies into typed requests, refusing anything unexpected with the field named. */
public final class AdminRequests {
    private static final Set<String> CREATE = Set.of("id", "name", "allowedOrigins");
    private static final Set<String> PATCH = Set.of("name", "allowedOrigins", "status", "limits", "trustCeiling", "scanPolicy");
    private static final Set<String> LIMITS = Set.of("maxUploadBytes", "maxDocuments", "requestsPerMinute", "monthlyTokenBudget");
    private static final Set<String> POLICY = Set.of("allowedContentTypes", "maxPages", "actions");
    private static final Set<String> ROTATE = Set.of("overlapSeconds");

    private AdminRequests() { }

    public static NewTenant create(JsonNode body) {
        JsonNode o = Fields.object(body, "the body");
        Fields.onlyKnown(o, "the body", CREATE);
        return new NewTenant(Fields.requiredString(o, "id"), Fields.requiredString(o, "name"),
                Fields.optionalStrings(o, "allowedOrigins", 100).orElseThrow(
                        () -> ApiException.invalid("allowedOrigins is required (an array of origins)")));
    }

    public static TenantPatch patch(JsonNode body) {
        JsonNode o = Fields.object(body, "the body");
        Fields.onlyKnown(o, "the body", PATCH);
        TenantPatch.LimitsPatch limits = Fields.optionalObject(o, "limits").map(l -> {
            Fields.onlyKnown(l, "limits", LIMITS);
            return new TenantPatch.LimitsPatch(Fields.optionalLong(l, "maxUploadBytes").orElse(null),
                    intField(l, "limits.maxDocuments", "maxDocuments"), intField(l, "limits.requestsPerMinute", "requestsPerMinute"),
                    Fields.optionalLong(l, "monthlyTokenBudget").orElse(null));
        }).orElse(null);
        TenantPatch.ScanPolicyPatch policy = Fields.optionalObject(o, "scanPolicy").map(p -> {
            Fields.onlyKnown(p, "scanPolicy", POLICY);
            return new TenantPatch.ScanPolicyPatch(Fields.optionalStrings(p, "allowedContentTypes", 10).orElse(null),
                    intField(p, "scanPolicy.maxPages", "maxPages"), actions(p));
        }).orElse(null);
        TenantPatch patch = new TenantPatch(Fields.optionalString(o, "name").orElse(null),
                Fields.optionalStrings(o, "allowedOrigins", 100).orElse(null),
                Fields.optionalString(o, "status").map(TenantStatus::parse).orElse(null), limits,
                Fields.optionalString(o, "trustCeiling").map(TrustLevel::parse).orElse(null), policy);
        if (patch.isEmpty()) throw ApiException.invalid("nothing to update: send at least one of " + PATCH.stream().sorted().toList());
        return patch;
    }

    /** The overlap for a rotation; an absent body or field means the default (24 h). */
    public static Duration overlap(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) return TenantStore.DEFAULT_OVERLAP;
        JsonNode o = Fields.object(body, "the body");
        Fields.onlyKnown(o, "the body", ROTATE);
        long max = TenantStore.MAX_OVERLAP.toSeconds();
        return Fields.optionalLong(o, "overlapSeconds").map(s -> {
            if (s < 0 || s > max) throw ApiException.invalid("overlapSeconds must be between 0 and " + max + ", got " + s);
            return Duration.ofSeconds(s);
        }).orElse(TenantStore.DEFAULT_OVERLAP);
    }

    private static Integer intField(JsonNode o, String shown, String field) {
        return Fields.optionalLong(o, field).map(v -> {
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw ApiException.invalid(shown + " is out of range");
            return v.intValue();
        }).orElse(null);
    }

    private static Map<String, ScanAction> actions(JsonNode policy) {
        return Fields.optionalObject(policy, "actions").map(a -> {
            Map<String, ScanAction> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().isTextual()) throw ApiException.invalid("scanPolicy.actions." + e.getKey() + " must be allow, review or block");
                out.put(e.getKey(), ScanAction.parse(e.getValue().textValue()));
            }
            return out;
        }).orElse(null);
    }
}
