package io.edgemesh.backbone.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgemesh.backbone.support.MutableClock;
import io.edgemesh.backbone.support.TestIds;
import io.edgemesh.common.ApiException;
import io.edgemesh.emulators.Emulators;
import io.edgemesh.routes.Names;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tenant store on DynamoDB Local: creation, key resolution, rotation with overlap, patches. */
class TenantStoreIT {
    private static final String TABLE = Names.physical(Names.DEFAULT_PREFIX, "tenants");

    private MutableClock clock;
    private TenantStore store;
    private String id;

    @BeforeEach
    void setUp() {
        clock = MutableClock.atNow();
        store = new TenantStore(Emulators.shared().dynamoDb(), TABLE, clock, Duration.ofSeconds(10));
        id = TestIds.tenant("acme");
    }

    @Test
    void givenNewTenantWhenCreatedThenBothKeysResolveToIt() {
        CreatedTenant created = store.create(new NewTenant(id, "Acme", List.of("https://acme.example")));

        assertThat(created.tenant().status()).isEqualTo(TenantStatus.PENDING_DOCUMENTS);
        assertThat(store.resolvePublishable(created.tenant().publishableKey())).map(Tenant::id).contains(id);
        assertThat(store.resolveSecret(created.secretKey())).map(Tenant::id).contains(id);
        assertThat(store.authenticateSecret(created.secretKey())).map(SecretKeyMatch::keyId).contains(created.keyId());
        assertThat(store.get(id)).get().satisfies(t -> {
            assertThat(t.name()).isEqualTo("Acme");
            assertThat(t.allowsOrigin("https://acme.example")).isTrue();
            assertThat(t.allowsOrigin("https://evil.example")).isFalse();
            assertThat(t.limits()).isEqualTo(TenantLimits.defaults());
        });
    }

    @Test
    void storesTheSecretKeyOnlyAsAHash() {
        CreatedTenant created = store.create(new NewTenant(id, "Acme", List.of("https://acme.example")));
        var items = Emulators.shared().dynamoDb().query(b -> b.tableName(TABLE).keyConditionExpression("tenantId = :t")
                .expressionAttributeValues(Map.of(":t", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id))))
                .items();
        assertThat(items).hasSize(2);
        assertThat(items.toString()).doesNotContain(created.secretKey()).contains(ApiKeys.hash(created.secretKey()));
    }

    @Test
    void givenExistingIdWhenCreatedAgainThen409AndTheFirstKeysStillWork() {
        CreatedTenant first = store.create(new NewTenant(id, "Acme", List.of("https://acme.example")));

        assertThatThrownBy(() -> store.create(new NewTenant(id, "Other", List.of("https://other.example"))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("conflict");
                });
        assertThat(store.resolveSecret(first.secretKey())).map(Tenant::name).contains("Acme");
    }

    @Test
    void wrongUnknownAndCrossTenantKeysResolveToNothing() {
        CreatedTenant a = store.create(new NewTenant(id, "A", List.of("https://a.example")));
        String otherId = TestIds.tenant("beta");
        CreatedTenant b = store.create(new NewTenant(otherId, "B", List.of("https://b.example")));

        // b's key id and secret presented under a's tenant id: the key id does not exist in a's partition
        String forged = "sk_" + id + "_" + b.keyId() + b.secretKey().substring(b.secretKey().lastIndexOf('_'));
        assertThat(store.resolveSecret(forged)).isEmpty();
        String wrongSecret = a.secretKey().substring(0, a.secretKey().length() - 4) + "abcd";
        assertThat(store.resolveSecret(wrongSecret)).isEmpty();
        assertThat(store.resolvePublishable("pk_" + id + "_" + "A".repeat(24))).isEmpty();
        assertThat(store.resolvePublishable("pk_nobody-here_" + "A".repeat(24))).isEmpty();
        assertThat(store.resolveSecret("not a key")).isEmpty();
    }

    @Test
    void givenRotationWithOverlapThenOldKeyWorksUntilExpiryAndNewKeyAfter() {
        CreatedTenant created = store.create(new NewTenant(id, "Acme", List.of("https://acme.example")));
        clock.advance(Duration.ofSeconds(1));

        RotatedKey rotated = store.rotateSecret(id, Duration.ofHours(1));

        assertThat(rotated.previousKeyExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(store.resolveSecret(created.secretKey())).isPresent();
        assertThat(store.resolveSecret(rotated.secretKey())).isPresent();

        clock.advance(Duration.ofMinutes(61));

        assertThat(store.resolveSecret(created.secretKey())).isEmpty();
        assertThat(store.resolveSecret(rotated.secretKey())).isPresent();
        assertThat(store.keys(id)).extracting(SecretKeyInfo::keyId).containsExactly(rotated.keyId(), created.keyId());
    }

    @Test
    void givenCachedOldKeyWhenRotatedWithZeroOverlapThenItStopsWorkingAtOnceOnThisInstance() {
        CreatedTenant created = store.create(new NewTenant(id, "Acme", List.of("https://acme.example")));
        assertThat(store.resolveSecret(created.secretKey())).isPresent();

        store.rotateSecret(id, Duration.ZERO);

        assertThat(store.resolveSecret(created.secretKey())).isEmpty();
    }

    @Test
    void expiredKeysAreDeletedByTheNextRotationAndLiveKeysAreCapped() {
        store.create(new NewTenant(id, "Acme", List.of("https://acme.example")));
        store.rotateSecret(id, Duration.ZERO);
        clock.advance(Duration.ofSeconds(2));
        for (int i = 0; i < TenantStore.MAX_ACTIVE_KEYS - 1; i++) store.rotateSecret(id, Duration.ofHours(1));

        assertThat(store.keys(id)).hasSize(TenantStore.MAX_ACTIVE_KEYS);
        assertThatThrownBy(() -> store.rotateSecret(id, Duration.ofHours(1)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        RotatedKey last = store.rotateSecret(id, Duration.ZERO);
        assertThat(store.resolveSecret(last.secretKey())).isPresent();
    }

    @Test
    void rotationOfAMissingTenantIs404() {
        assertThatThrownBy(() -> store.rotateSecret(id, Duration.ZERO))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void givenPatchThenOnlyNamedFieldsChangeAndLimitsMerge() {
        CreatedTenant created = store.create(new NewTenant(id, "Acme", List.of("https://acme.example")));

        Tenant updated = store.update(id, new TenantPatch(null, List.of("https://shop.acme.example"), TenantStatus.SUSPENDED,
                new TenantPatch.LimitsPatch(null, 5, null, null), TrustLevel.ANONYMOUS,
                new TenantPatch.ScanPolicyPatch(null, null, Map.of("uri_link", ScanAction.REVIEW))));

        assertThat(updated.name()).isEqualTo("Acme");
        assertThat(updated.version()).isEqualTo(2);
        Tenant read = store.get(id).orElseThrow();
        assertThat(read).isEqualTo(updated);
        assertThat(read.limits().maxDocuments()).isEqualTo(5);
        assertThat(read.limits().maxUploadBytes()).isEqualTo(TenantLimits.DEFAULT_MAX_UPLOAD_BYTES);
        assertThat(read.scanPolicy().actions()).containsEntry("uri_link", ScanAction.REVIEW);
        assertThat(store.resolvePublishable(created.tenant().publishableKey())).get()
                .satisfies(t -> assertThat(t.isSuspended()).isTrue());
    }

    @Test
    void anAdminPatchKeepsAttributesOtherLayersStoredOnTheProfile() {
        store.create(new NewTenant(id, "Acme", List.of("https://acme.example")));
        var key = Map.of("tenantId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PROFILE"));
        // as Layer 6 does when it flips readiness: its own attribute and a version bump
        Emulators.shared().dynamoDb().updateItem(b -> b.tableName(TABLE).key(key)
                .updateExpression("SET statusChangedAt = :t, #s = :r ADD version :one")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":t", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("x"),
                        ":r", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("ready"),
                        ":one", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1"))));

        Tenant t = store.update(id, new TenantPatch("Acme 2", null, null, null, null, null));

        assertThat(t.status()).isEqualTo(TenantStatus.READY);
        assertThat(t.version()).isEqualTo(3);
        var item = Emulators.shared().dynamoDb().getItem(b -> b.tableName(TABLE).key(key)).item();
        assertThat(item.get("statusChangedAt").s()).isEqualTo("x");
        assertThat(item.get("name").s()).isEqualTo("Acme 2");
    }

    @Test
    void givenOtherInstanceCachedTheTenantThenItSeesChangesAfterTheTtl() {
        CreatedTenant created = store.create(new NewTenant(id, "Acme", List.of("https://acme.example")));
        TenantStore otherInstance = new TenantStore(Emulators.shared().dynamoDb(), TABLE, clock, Duration.ofSeconds(10));
        assertThat(otherInstance.resolvePublishable(created.tenant().publishableKey())).get()
                .extracting(Tenant::status).isEqualTo(TenantStatus.PENDING_DOCUMENTS);

        store.setStatus(id, TenantStatus.SUSPENDED);
        assertThat(otherInstance.resolvePublishable(created.tenant().publishableKey())).get()
                .extracting(Tenant::status).isEqualTo(TenantStatus.PENDING_DOCUMENTS);
        clock.advance(Duration.ofSeconds(11));

        assertThat(otherInstance.resolvePublishable(created.tenant().publishableKey())).get()
                .extracting(Tenant::status).isEqualTo(TenantStatus.SUSPENDED);
    }
}
