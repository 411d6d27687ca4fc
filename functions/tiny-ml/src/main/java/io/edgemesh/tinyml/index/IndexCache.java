package io.edgemesh.tinyml.index;

import io.edgemesh.common.log.Log;
import io.edgemesh.common.log.Logger;
import io.edgemesh.tinyml.index.internal.LocalFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The search side's view of tenant indexes: the current version per tenant (read from the version store
 * at most once per {@code versionTtl}, so a burst of queries costs one DynamoDB read and a new version
 * shows up within the TTL), and open readers for the most recently used tenants, downloaded once per
 * version into {@code root/{tenant}/{versionId}} and verified against the manifest.
 */
public final class IndexCache implements AutoCloseable {
    private static final Logger LOG = Log.get(IndexCache.class);

    private static final AtomicLong INSTANCES = new AtomicLong();
    private static final long PROCESS = ProcessHandle.current().pid();

    private record Pointer(Optional<IndexVersion> version, long readAtNanos) { }

    private final VersionStore versions;
    private final IndexFiles files;
    private final Path root;
    private final int maxOpen;
    private final long ttlNanos;
    private final LongSupplier clock;
    private final Map<String, Pointer> pointers = new ConcurrentHashMap<>();
    private final Map<String, Object> tenantLocks = new ConcurrentHashMap<>();
    /** Access-ordered: the eldest entry is the least recently searched tenant. */
    private final LinkedHashMap<String, TenantIndex> open = new LinkedHashMap<>(16, 0.75f, true);

    public IndexCache(VersionStore versions, IndexFiles files, Path root, int maxOpen, Duration versionTtl, LongSupplier nanoClock) {
        this.versions = versions;
        this.files = files;
        this.root = root;
        this.maxOpen = maxOpen;
        this.ttlNanos = versionTtl.toNanos();
        this.clock = nanoClock;
    }

    public IndexCache(VersionStore versions, IndexFiles files, Path root) {
        this(versions, files, root, 32, Duration.ofMillis(1500), System::nanoTime);
    }

    /** The tenant's current version as last read (within the TTL). */
    public Optional<IndexVersion> currentVersion(String tenantId) {
        long now = clock.getAsLong();
        Pointer p = pointers.get(tenantId);
        if (p == null || now - p.readAtNanos() > ttlNanos) {
            p = new Pointer(versions.current(tenantId), now);
            pointers.put(tenantId, p);
        }
        return p.version();
    }

    /**
     * Runs {@code work} with the tenant's current index, or with empty when the tenant has no index yet.
     * The index stays open for the duration even if a newer version replaces it meanwhile.
     */
    public <T> T withIndex(String tenantId, Function<Optional<TenantIndex>, T> work) {
        if (!TenantIds.isValid(tenantId)) return work.apply(Optional.empty());
        Optional<IndexVersion> current = currentVersion(tenantId);
        if (current.isEmpty()) return work.apply(Optional.empty());
        for (int attempt = 0; attempt < 3; attempt++) {
            TenantIndex index = openIndex(tenantId, current.get());
            if (index.acquire()) {
                try {
                    return work.apply(Optional.of(index));
                } finally {
                    index.release();
                }
            }
            // evicted between lookup and acquire: look again
        }
        throw new IllegalStateException("index of tenant " + tenantId + " kept closing under the search");
    }

    private TenantIndex openIndex(String tenantId, IndexVersion version) {
        synchronized (open) {
            TenantIndex cached = open.get(tenantId);
            if (cached != null && cached.version().versionId().equals(version.versionId())) return cached;
        }
        List<TenantIndex> retired = new ArrayList<>();
        TenantIndex fresh;
        // one download per tenant at a time; other tenants proceed
        synchronized (tenantLocks.computeIfAbsent(tenantId, t -> new Object())) {
            synchronized (open) {
                TenantIndex cached = open.get(tenantId);
                if (cached != null && cached.version().versionId().equals(version.versionId())) return cached;
            }
            Path store = storeDir(tenantId, version.versionId());
            if (!Files.exists(store.resolve(".verified"))) {
                LocalFiles.deleteRecursively(store);
                long start = System.nanoTime();
                files.download(version, store);
                LOG.info("index version loaded", "version", version.version(), "versionId", version.versionId(),
                        "millis", (System.nanoTime() - start) / 1_000_000);
            }
            // each open reader gets its own hard-linked folder, deleted when its last search ends, so
            // retiring the store never pulls files from under a search in flight
            // the process id keeps the name unique on a /tmp shared with an earlier process (a restart keeps
            // the verified store; the counter starts again at 1): a folder of that name is a dead one's leftover
            Path instance = store.resolveSibling(version.versionId() + ".open-" + PROCESS + "-" + INSTANCES.incrementAndGet());
            try {
                LocalFiles.deleteRecursively(instance);
                Files.createDirectories(instance);
                LocalFiles.linkOrCopyAll(store, instance);
            } catch (java.io.IOException e) {
                LocalFiles.deleteRecursively(instance);
                throw new java.io.UncheckedIOException("cannot prepare index folder " + instance, e);
            }
            fresh = TenantIndex.open(tenantId, version, instance, true);
            synchronized (open) {
                TenantIndex old = open.put(tenantId, fresh);
                if (old != null) retired.add(old);
                Iterator<Map.Entry<String, TenantIndex>> it = open.entrySet().iterator();
                while (open.size() > maxOpen && it.hasNext()) {
                    retired.add(it.next().getValue());
                    it.remove();
                }
            }
        }
        // outside our tenant's lock: a thread holds at most one tenant lock, so cleanups cannot deadlock
        for (TenantIndex r : retired) retire(r);
        return fresh;
    }

    private void retire(TenantIndex index) {
        index.close();
        String tenant = index.tenantId();
        synchronized (tenantLocks.computeIfAbsent(tenant, t -> new Object())) {
            synchronized (open) {
                TenantIndex now = open.get(tenant);
                if (now != null && now.version().versionId().equals(index.version().versionId())) return; // reopened meanwhile
            }
            LocalFiles.deleteRecursively(storeDir(tenant, index.version().versionId()));
        }
    }

    private Path storeDir(String tenantId, String versionId) {
        return root.resolve(tenantId).resolve(versionId);
    }

    /** Tenants with an open reader (for tests and metrics). */
    public int openCount() {
        synchronized (open) {
            return open.size();
        }
    }

    @Override
    public void close() {
        List<TenantIndex> all;
        synchronized (open) {
            all = new ArrayList<>(open.values());
            open.clear();
        }
        all.forEach(this::retire);
    }
}
