package io.edgemesh.analysis.scan;

import java.util.Objects;

/**
 * One thing a scanner found. {@code code} is stable and machine-readable ({@code active.javascript},
 * {@code signature.eicar}); {@code reason} is for people ("JavaScript in OpenAction") and never
 * contains a secret in full; {@code action} is what the tenant's policy made of it.
 */
public record Finding(String code, Category category, String reason, PolicyAction action) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(action, "action");
    }

    public Finding withAction(PolicyAction a) {
        return new Finding(code, category, reason, a);
    }
}
