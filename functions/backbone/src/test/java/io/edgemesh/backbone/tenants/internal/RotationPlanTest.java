package io.edgemesh.backbone.tenants.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.backbone.tenants.SecretKeyInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RotationPlanTest {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00.750Z");

    @Test
    void givenOneOpenEndedKeyWhenRotatedWithDefaultOverlapThenItExpiresIn24Hours() {
        RotationPlan p = RotationPlan.of(List.of(key("a", null)), NOW, Duration.ofHours(24));

        assertThat(p.newExpiries()).containsEntry("a", Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(p.previousKeyExpiresAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(p.stillValid()).isEqualTo(1);
        assertThat(p.deletions()).isEmpty();
    }

    @Test
    void aKeyAlreadyExpiringSoonerKeepsItsEarlierExpiry() {
        Instant soon = NOW.plus(Duration.ofMinutes(10));
        RotationPlan p = RotationPlan.of(List.of(key("a", soon), key("b", null)), NOW, Duration.ofHours(1));

        assertThat(p.newExpiries()).doesNotContainKey("a").containsKey("b");
        assertThat(p.previousKeyExpiresAt()).isEqualTo(Instant.parse("2026-11-22T11:00:00Z"));
    }

    @Test
    void expiredKeysAreDeletedAndNotCounted() {
        RotationPlan p = RotationPlan.of(List.of(key("old", NOW.minusSeconds(1)), key("b", null)), NOW, Duration.ofHours(1));

        assertThat(p.deletions()).containsExactly("old");
        assertThat(p.stillValid()).isEqualTo(1);
    }

    @Test
    void zeroOverlapEndsEveryPreviousKeyNow() {
        RotationPlan p = RotationPlan.of(List.of(key("a", null), key("b", NOW.plusSeconds(3600))), NOW, Duration.ZERO);

        assertThat(p.stillValid()).isZero();
        assertThat(p.newExpiries().values()).allSatisfy(e -> assertThat(e).isBeforeOrEqualTo(NOW));
    }

    @Test
    void noPreviousKeysMeansNoPreviousExpiry() {
        assertThat(RotationPlan.of(List.of(), NOW, Duration.ofHours(1)).previousKeyExpiresAt()).isNull();
    }

    private static SecretKeyInfo key(String id, Instant expiresAt) {
        return new SecretKeyInfo(id, NOW.minus(Duration.ofDays(1)), expiresAt);
    }
}
