package io.edgemesh.backbone.tenants;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.edgemesh.common.ApiException;
import io.edgemesh.backbone.internal.Fields;
import java.util.Arrays;

/**
 * Where a tenant stands. Chat is locked while {@code pending_documents} (Layer 6 flips it to
 * {@code ready} once a document is indexed); {@code suspended} refuses every public request.
 */
public enum TenantStatus {
    PENDING_DOCUMENTS("pending_documents"),
    READY("ready"),
    SUSPENDED("suspended");

    private final String wire;

    TenantStatus(String wire) { this.wire = wire; }

    @JsonValue
    public String wire() { return wire; }

    @JsonCreator
    public static TenantStatus parse(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst()
                .orElseThrow(() -> ApiException.invalid("status must be one of pending_documents, ready, suspended; got "
                        + Fields.shown(value)));
    }
}
