package io.edgemesh.envelope;

import java.util.Optional;

/**
 * Finds the tenant a body names, so the verifier can refuse a body for one tenant under an
 * envelope signed for another. This library does not parse JSON; the caller says where the tenant is.
 */
@FunctionalInterface
public interface TenantExtractor {

    /**
     * @return the tenant the body names, or empty when it names none
     * @throws RuntimeException when the body cannot be read (the verifier reports {@link RejectReason#MALFORMED})
     */
    Optional<String> tenantOf(byte[] body);

    /** For bodies that never name a tenant. */
    static TenantExtractor none() { return body -> Optional.empty(); }
}
