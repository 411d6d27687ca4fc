package io.edgemesh.backbone.tenants;

import static io.edgemesh.backbone.internal.Attrs.n;
import static io.edgemesh.backbone.internal.Attrs.s;

import io.edgemesh.backbone.internal.Hashing;
import io.edgemesh.backbone.tenants.internal.ExpiringCache;
import io.edgemesh.backbone.tenants.internal.RotationPlan;
import io.edgemesh.backbone.tenants.internal.TenantItems;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.ErrorCodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Tenants in DynamoDB, and the resolution of API keys to tenants.
 *
 * <p>Each tenant is one partition: the {@code PROFILE} item and a {@code KEY#<keyId>} item per
 * secret key. Creation and rotation are transactions with conditions, so a tenant id is taken at
 * most once and two concurrent rotations cannot both win. Profile edits are optimistic (conditional
 * on {@code version}) and re-applied on a lost race.
 *
 * <p>Resolution returns the tenant whatever its status: the caller decides how to answer a
 * suspended one ({@code tenant_suspended} is more useful than "unauthorized"). Results, positive and
 * negative, are cached for {@code cacheTtl} per instance; changes made through this instance drop
 * the tenant's entries at once, other instances see them within the TTL.
 */
public final class TenantStore {
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);
    public static final Duration MAX_OVERLAP = Duration.ofDays(7);
    /** More live keys than this means rotations faster than the overlap: refuse instead of piling keys up. */
    public static final int MAX_ACTIVE_KEYS = 5;
    private static final int MAX_CACHE_ENTRIES = 10_000;
    private static final int UPDATE_ATTEMPTS = 3;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final ExpiringCache<String, Optional<Tenant>> publishableCache;
    private final ExpiringCache<String, Optional<CachedSecret>> secretCache;

    /** What a verified secret key resolves to; {@code keyExpiresAt} is re-checked on every cache hit. */
    private record CachedSecret(SecretKeyMatch match, Instant keyExpiresAt) { }

    public TenantStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC(), DEFAULT_CACHE_TTL);
    }

    public TenantStore(DynamoDbClient dynamo, String table, Clock clock, Duration cacheTtl) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.publishableCache = new ExpiringCache<>(clock, cacheTtl, MAX_CACHE_ENTRIES);
        this.secretCache = new ExpiringCache<>(clock, cacheTtl, MAX_CACHE_ENTRIES);
    }

    // ---- create, read, update ------------------------------------------------------------------

    /** Creates the tenant with a publishable key and a first secret key; 409 {@code conflict} if the id is taken. */
    public CreatedTenant create(NewTenant request) {
        Instant now = now();
        Tenant tenant = new Tenant(request.id(), request.name(), request.allowedOrigins(),
                ApiKeys.newPublishable(request.id()), TenantStatus.PENDING_DOCUMENTS, TenantLimits.defaults(),
                TrustLevel.AUTHENTICATED, ScanPolicy.defaults(), now, now, 1);
        ApiKeys.IssuedSecret secret = ApiKeys.newSecret(request.id());
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table)
                            .item(TenantItems.profile(tenant, 1))
                            .conditionExpression("attribute_not_exists(tenantId)").build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table)
                            .item(TenantItems.secretKey(tenant.id(), secret.keyId(), secret.sha256(), now))
                            .conditionExpression("attribute_not_exists(tenantId)").build()).build()).build());
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e)) throw ApiException.conflict(ErrorCodes.CONFLICT, "tenant '" + request.id() + "' already exists");
            throw e;
        }
        forget(tenant.id());
        return new CreatedTenant(tenant, secret.plaintext(), secret.keyId());
    }

    /** The tenant, read consistently (not cached: admin reads must see their own writes). */
    public Optional<Tenant> get(String tenantId) {
        if (tenantId == null || !TenantRules.TENANT_ID.matcher(tenantId).matches()) return Optional.empty();
        return readProfile(tenantId).map(TenantItems::tenant);
    }

    /** The tenant or 404 {@code not_found}. */
    public Tenant require(String tenantId) {
        return get(tenantId).orElseThrow(() -> ApiException.notFound("tenant '" + tenantId + "' does not exist"));
    }

    /** Applies a patch; 404 if the tenant is missing, 409 if it keeps changing underneath. */
    public Tenant update(String tenantId, TenantPatch patch) {
        for (int attempt = 1; ; attempt++) {
            Map<String, AttributeValue> item = readProfile(tenantId)
                    .orElseThrow(() -> ApiException.notFound("tenant '" + tenantId + "' does not exist"));
            Tenant current = TenantItems.tenant(item);
            Tenant patched = patch.applyTo(current);
            Tenant next = new Tenant(patched.id(), patched.name(), patched.allowedOrigins(), patched.publishableKey(),
                    patched.status(), patched.limits(), patched.trustCeiling(), patched.scanPolicy(), current.createdAt(),
                    now(), current.version() + 1);
            try {
                // start from the stored item: attributes other layers keep on the profile
                // (e.g. Layer 6's statusChangedAt) must survive an admin edit
                Map<String, AttributeValue> merged = new java.util.HashMap<>(item);
                merged.putAll(TenantItems.profile(next, TenantItems.keysRevision(item)));
                dynamo.putItem(PutItemRequest.builder().tableName(table)
                        .item(merged)
                        .conditionExpression("version = :v AND keysRevision = :r")
                        .expressionAttributeValues(Map.of(":v", n(current.version()), ":r", n(TenantItems.keysRevision(item))))
                        .build());
                forget(tenantId);
                return next;
            } catch (ConditionalCheckFailedException e) {
                if (attempt >= UPDATE_ATTEMPTS) {
                    throw ApiException.conflict(ErrorCodes.CONFLICT, "tenant '" + tenantId + "' changed concurrently; retry");
                }
            }
        }
    }

    /** Sets the status only (Layer 6 readiness, suspension). */
    public Tenant setStatus(String tenantId, TenantStatus status) {
        return update(tenantId, new TenantPatch(null, null, status, null, null, null));
    }

    // ---- secret keys ---------------------------------------------------------------------------

    /** The tenant's secret keys, newest first, without hashes. */
    public List<SecretKeyInfo> keys(String tenantId) {
        return readPartition(tenantId).stream().filter(TenantItems::isKey).map(TenantItems::keyInfo)
                .sorted(Comparator.comparing(SecretKeyInfo::createdAt).reversed()).toList();
    }

    /**
     * Issues a new secret key. Every key still valid is cut to expire after {@code overlap} (a key
     * already expiring sooner keeps its earlier expiry); keys already expired are deleted. One
     * transaction, conditional on the profile's {@code keysRevision}, so concurrent rotations cannot
     * both succeed and leave keys that never expire.
     */
    public RotatedKey rotateSecret(String tenantId, Duration overlap) {
        if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
            throw ApiException.invalid("overlapSeconds must be between 0 and " + MAX_OVERLAP.toSeconds());
        }
        List<Map<String, AttributeValue>> items = readPartition(tenantId);
        Map<String, AttributeValue> profile = items.stream().filter(i -> TenantItems.PROFILE.equals(i.get(TenantItems.SK).s()))
                .findFirst().orElseThrow(() -> ApiException.notFound("tenant '" + tenantId + "' does not exist"));
        long revision = TenantItems.keysRevision(profile);
        Instant now = now();
        List<SecretKeyInfo> existing = items.stream().filter(TenantItems::isKey).map(TenantItems::keyInfo).toList();
        RotationPlan plan = RotationPlan.of(existing, now, overlap);
        if (plan.stillValid() >= MAX_ACTIVE_KEYS) {
            throw ApiException.conflict(ErrorCodes.CONFLICT, "tenant '" + tenantId + "' already has " + plan.stillValid()
                    + " valid secret keys; wait until earlier ones expire or rotate with overlapSeconds 0");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(TenantItems.profileKey(tenantId))
                .updateExpression("SET keysRevision = :next")
                .conditionExpression("keysRevision = :rev")
                .expressionAttributeValues(Map.of(":rev", n(revision), ":next", n(revision + 1))).build()).build());
        for (String keyId : plan.deletions()) {
            writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(TenantItems.keyKey(tenantId, keyId)).build()).build());
        }
        plan.newExpiries().forEach((keyId, expiry) -> writes.add(TransactWriteItem.builder().update(Update.builder()
                .tableName(table).key(TenantItems.keyKey(tenantId, keyId))
                .updateExpression("SET expiresAt = :e")
                .conditionExpression("attribute_exists(tenantId)")
                .expressionAttributeValues(Map.of(":e", n(expiry.getEpochSecond()))).build()).build()));
        Instant previousExpiry = plan.previousKeyExpiresAt();
        ApiKeys.IssuedSecret secret = ApiKeys.newSecret(tenantId);
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(TenantItems.secretKey(tenantId, secret.keyId(), secret.sha256(), now))
                .conditionExpression("attribute_not_exists(tenantId)").build()).build());
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e)) {
                throw ApiException.conflict(ErrorCodes.CONFLICT, "tenant '" + tenantId + "' keys changed concurrently; retry");
            }
            throw e;
        }
        forget(tenantId);
        return new RotatedKey(secret.keyId(), secret.plaintext(), previousExpiry);
    }

    // ---- resolution (hot path) -----------------------------------------------------------------

    /** The tenant a publishable key belongs to; empty for a malformed, unknown or replaced key. */
    public Optional<Tenant> resolvePublishable(String key) {
        Optional<String> tenantId = ApiKeys.publishableTenant(key);
        if (tenantId.isEmpty()) return Optional.empty();
        return publishableCache.get(key, k -> readProfile(tenantId.get()).map(TenantItems::tenant)
                .filter(t -> Hashing.constantTimeEquals(t.publishableKey(), k)));
    }

    /** The tenant a secret key belongs to; empty for a malformed, unknown, wrong or expired key. */
    public Optional<Tenant> resolveSecret(String key) {
        return authenticateSecret(key).map(SecretKeyMatch::tenant);
    }

    /** Like {@link #resolveSecret} with the matching key id, for principals and audit records. */
    public Optional<SecretKeyMatch> authenticateSecret(String key) {
        Optional<ApiKeys.SecretKeyParts> parts = ApiKeys.parseSecret(key);
        if (parts.isEmpty()) return Optional.empty();
        // the cache is keyed by the hash, so no plaintext secret stays in memory beyond the request
        String hash = ApiKeys.hash(key);
        Optional<CachedSecret> hit = secretCache.get(hash, h -> loadSecret(parts.get(), h));
        Instant now = now();
        return hit.filter(c -> c.keyExpiresAt() == null || now.isBefore(c.keyExpiresAt())).map(CachedSecret::match);
    }

    private Optional<CachedSecret> loadSecret(ApiKeys.SecretKeyParts parts, String presentedHash) {
        Map<String, AttributeValue> profile = null;
        Map<String, AttributeValue> keyItem = null;
        String keySk = TenantItems.KEY_PREFIX + parts.keyId();
        for (Map<String, AttributeValue> item : readPartition(parts.tenantId())) {
            String sk = item.get(TenantItems.SK).s();
            if (TenantItems.PROFILE.equals(sk)) profile = item;
            else if (keySk.equals(sk)) keyItem = item;
        }
        if (profile == null || keyItem == null) return Optional.empty();
        if (!Hashing.constantTimeEquals(TenantItems.keyHash(keyItem), presentedHash)) {
            return Optional.empty();
        }
        SecretKeyInfo info = TenantItems.keyInfo(keyItem);
        return Optional.of(new CachedSecret(new SecretKeyMatch(TenantItems.tenant(profile), parts.keyId()), info.expiresAt()));
    }

    /** Drops this instance's cached resolutions for a tenant (after a change made here). */
    public void forget(String tenantId) {
        publishableCache.removeIf(o -> o.isEmpty() || o.get().id().equals(tenantId));
        secretCache.removeIf(o -> o.isEmpty() || o.get().match().tenant().id().equals(tenantId));
    }

    // ---- reads ---------------------------------------------------------------------------------

    private Optional<Map<String, AttributeValue>> readProfile(String tenantId) {
        var r = dynamo.getItem(b -> b.tableName(table).key(TenantItems.profileKey(tenantId)).consistentRead(true));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(r.item()) : Optional.empty();
    }

    /** The profile and every key item in one request (a tenant holds at most a handful of items). */
    private List<Map<String, AttributeValue>> readPartition(String tenantId) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var resp = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("tenantId = :t").expressionAttributeValues(Map.of(":t", s(tenantId)))
                    .exclusiveStartKey(start).build());
            out.addAll(resp.items());
            start = resp.hasLastEvaluatedKey() && !resp.lastEvaluatedKey().isEmpty() ? resp.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private Instant now() { return clock.instant().truncatedTo(ChronoUnit.MILLIS); }

    private static boolean conditionFailed(TransactionCanceledException e) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream()
                .map(CancellationReason::code).anyMatch("ConditionalCheckFailed"::equals);
    }

}
