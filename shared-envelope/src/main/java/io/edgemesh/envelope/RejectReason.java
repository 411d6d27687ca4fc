package io.edgemesh.envelope;

/**
 * Why a verifier refused an envelope. Each reason is its own value so that logs and metrics can
 * tell an attack (bad signature, replay) from an operational fault (unknown key after a botched
 * rotation, clock skew). Callers never see more than "envelope rejected".
 */
public enum RejectReason {
    /** The signature does not match the canonical bytes under the named key. */
    BAD_SIGNATURE,
    /** The key id is not in the verifier's ring (never issued, or already rotated out). */
    UNKNOWN_KEY_ID,
    /** Past its expiry, or issued longer ago than the skew window allows. */
    EXPIRED,
    /** Issued further in the future than the skew window allows. */
    ISSUED_IN_FUTURE,
    /** Addressed to another layer. */
    WRONG_TARGET,
    /** The body names a different tenant than the envelope. */
    TENANT_MISMATCH,
    /** A field is missing, out of range, not in canonical form, or the body cannot be read. */
    MALFORMED,
    /** The request id was already accepted once. */
    REPLAY,
    /** The body's SHA-256 differs from the one the signature covers, or a sealed body fails to open. */
    BODY_MISMATCH;

    /** 401 when the caller could not prove who it is, 403 when it proved it but may not do this. */
    public int httpStatus() {
        return switch (this) {
            case WRONG_TARGET, TENANT_MISMATCH, REPLAY -> 403;
            default -> 401;
        };
    }
}
