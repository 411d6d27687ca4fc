package io.edgemesh.orchestrator.tools;

/**
 * How much the caller is trusted, carried in the visitor's session token (set by Layer 1) and capped
 * by the tenant's trust ceiling. Tools declare the minimum level they need.
 */
public enum TrustLevel {
    /** An anonymous site visitor. */
    ANONYMOUS(0, "anonymous"),
    /** A visitor the tenant's site has authenticated. */
    AUTHENTICATED(1, "authenticated"),
    /** The tenant's own staff or a server-side integration holding the secret key. */
    PRIVILEGED(2, "privileged");

    private final int level;
    private final String wire;

    TrustLevel(int level, String wire) {
        this.level = level;
        this.wire = wire;
    }

    public int level() { return level; }

    /** The name used in session tokens and tenant records (Layer 7's {@code trustCeiling}). */
    public String wire() { return wire; }

    public static TrustLevel of(int level) {
        for (TrustLevel t : values()) if (t.level == level) return t;
        return level > PRIVILEGED.level ? PRIVILEGED : ANONYMOUS;
    }

    /** Parses a wire name or a number; anything unknown is the lowest level (fail closed). */
    public static TrustLevel parse(String value) {
        if (value == null) return ANONYMOUS;
        for (TrustLevel t : values()) if (t.wire.equalsIgnoreCase(value.strip())) return t;
        try {
            return of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return ANONYMOUS;
        }
    }

    public boolean atLeast(TrustLevel other) { return level >= other.level; }
}
