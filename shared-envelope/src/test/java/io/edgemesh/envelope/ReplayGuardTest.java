package io.edgemesh.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The in-memory guard keeps the same retention rule as the DynamoDB one. */
class ReplayGuardTest {
    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final ReplayGuard guard = ReplayGuard.inMemory(clock);
    private final long expiresAt = Fixtures.T0.getEpochSecond() + 60;

    @Test
    void aNonceIsFreshOnceThenARepeatPerTenant() {
        assertThat(guard.firstSeen("acme", "r1", expiresAt)).isTrue();
        assertThat(guard.firstSeen("acme", "r1", expiresAt)).isFalse();
        assertThat(guard.firstSeen("globex", "r1", expiresAt)).isTrue();
    }

    @Test
    void aNonceIsRememberedUntilExpiryPlusTheRetentionMargin() {
        guard.firstSeen("acme", "r1", expiresAt);
        clock.set(Fixtures.T0.plusSeconds(60 + ReplayGuard.RETENTION_BEYOND_EXPIRY_SECONDS));
        assertThat(guard.firstSeen("acme", "r1", expiresAt)).isFalse();
        clock.advanceSeconds(1);
        assertThat(guard.firstSeen("acme", "r1", expiresAt)).isTrue();
    }

    @Test
    void theNonceKeyIsTenantHashRequestId() {
        assertThat(ReplayGuard.nonceKey("acme", "req-1")).isEqualTo("acme#req-1");
    }
}
