package io.edgemesh.orchestrator.tools;

/**
 * How much the caller is trusted, carried in the visitor's session token (set by Layer 1) and capped
 * by the tenant's trust ceiling. Tools declare the minimum level they need.
 */
public enum TrustLevel {
    /** An anonymous site visitor. */
    ANONYMOUS(0),
    /** A visitor the tenant's site has identified. */
    IDENTIFIED(1),
    /** The tenant's own staff or a server-side integration holding the secret key. */
    TENANT(2);

    private final int level;

    TrustLevel(int level) {
        this.level = level;
    }

    public int level() { return level; }

    public static TrustLevel of(int level) {
        for (TrustLevel t : values()) if (t.level == level) return t;
        return level > TENANT.level ? TENANT : ANONYMOUS;
    }

    public boolean atLeast(TrustLevel other) { return level >= other.level; }
}
