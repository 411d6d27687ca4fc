package io.edgemesh.backbone.tenants;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.edgemesh.common.ApiException;
import io.edgemesh.backbone.internal.Fields;
import java.util.Arrays;

/**
 * How far a session may be trusted, in increasing order. Widget visitors start {@code anonymous};
 * Layer 6 gates tools by a minimum level, and a tenant's {@link Tenant#trustCeiling()} caps what any of
 * its sessions can reach, whatever a token claims.
 */
public enum TrustLevel {
    ANONYMOUS("anonymous"),
    AUTHENTICATED("authenticated"),
    PRIVILEGED("privileged");

    private final String wire;

    TrustLevel(String wire) { this.wire = wire; }

    @JsonValue
    public String wire() { return wire; }

    /** The lower of this level and {@code ceiling}. */
    public TrustLevel cappedAt(TrustLevel ceiling) { return compareTo(ceiling) <= 0 ? this : ceiling; }

    @JsonCreator
    public static TrustLevel parse(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst()
                .orElseThrow(() -> ApiException.invalid("trustCeiling must be one of anonymous, authenticated, privileged; got "
                        + Fields.shown(value)));
    }
}
