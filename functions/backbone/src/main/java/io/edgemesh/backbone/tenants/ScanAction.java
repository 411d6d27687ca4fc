package io.edgemesh.backbone.tenants;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.edgemesh.common.ApiException;
import io.edgemesh.backbone.internal.Fields;
import java.util.Arrays;

/** What a tenant's scanner policy does with a finding of one category (same values as Layer 3's {@code PolicyAction}). */
public enum ScanAction {
    ALLOW("allow"),
    REVIEW("review"),
    BLOCK("block");

    private final String wire;

    ScanAction(String wire) { this.wire = wire; }

    @JsonValue
    public String wire() { return wire; }

    @JsonCreator
    public static ScanAction parse(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst()
                .orElseThrow(() -> ApiException.invalid("scanPolicy action must be one of allow, review, block; got "
                        + Fields.shown(value)));
    }
}
