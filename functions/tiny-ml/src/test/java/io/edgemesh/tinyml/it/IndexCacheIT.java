package io.edgemesh.tinyml.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.tinyml.TestPdfs;
import io.edgemesh.tinyml.TinyMlWiring;
import io.edgemesh.tinyml.index.IndexCache;
import io.edgemesh.tinyml.index.TenantIndex;
import io.edgemesh.tinyml.indexing.DocumentIndexer;
import io.edgemesh.tinyml.indexing.SourceDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The search side's cache of versions and open readers, on DynamoDB Local and S3Proxy, with a hand-driven clock. */
class IndexCacheIT {
    private static TinyMlFixture fx;
    private static TinyMlWiring wiring;
    private static DocumentIndexer indexer;

    @BeforeAll
    static void start() {
        fx = new TinyMlFixture();
        var config = fx.config(EdgeMeshResources.INDEXER.name());
        wiring = new TinyMlWiring(config, AwsClients.from(config));
        indexer = wiring.documentIndexer();
    }

    private static String indexDocument(String tenant, String doc, String text) {
        byte[] pdf = TestPdfs.build(List.of(new TestPdfs.Page("Notes", List.of(text))));
        String key = fx.upload(tenant, doc, pdf, "CLEAN");
        indexer.index(new SourceDocument(tenant, doc, fx.bucket("uploads"), key, doc + ".pdf", null), false);
        return key;
    }

    private static long versionSeen(IndexCache cache, String tenant) {
        return cache.withIndex(tenant, i -> i.map(TenantIndex::version).map(v -> v.version()).orElse(0L));
    }

    private static List<Path> folders(Path root, String tenant) throws Exception {
        Path dir = root.resolve(tenant);
        if (!Files.exists(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void givenANewVersion_whenSearchedWithinTheTtl_thenTheCachedVersionServesAndAfterItTheNewOne() throws Exception {
        String tenant = "c" + UUID.randomUUID().toString().substring(0, 8);
        indexDocument(tenant, "a", "Alpine tents resist wind of one hundred kilometres per hour.");
        AtomicLong now = new AtomicLong();
        Path root = Files.createTempDirectory(Path.of("target"), "cache-it");
        try (IndexCache cache = new IndexCache(wiring.versionStore(), wiring.indexFiles(), root, 4, Duration.ofMillis(1500), now::get)) {
            assertThat(versionSeen(cache, tenant)).isEqualTo(1);

            indexDocument(tenant, "b", "Canoe paddles are made of ash wood.");
            now.addAndGet(Duration.ofMillis(1000).toNanos());
            assertThat(versionSeen(cache, tenant)).as("within the TTL").isEqualTo(1);

            now.addAndGet(Duration.ofMillis(1000).toNanos());
            assertThat(versionSeen(cache, tenant)).as("after the TTL").isEqualTo(2);
            List<io.edgemesh.tinyml.index.Hit> hits = cache.withIndex(tenant, i -> i.orElseThrow().bm25("canoe paddles", 5));
            assertThat(hits).hasSize(1);
            // the retired version's local copy is gone; only the current one (and its open reader's folder) remain
            assertThat(folders(root, tenant)).allMatch(p -> p.getFileName().toString().startsWith("2-"));
        }
        assertThat(folders(root, tenant)).as("closing the cache removes every local copy").isEmpty();
    }

    @Test
    void givenMoreTenantsThanOpenReaders_whenSearched_thenTheLeastRecentlyUsedIsClosedAndItsFilesRemoved() throws Exception {
        String first = "c" + UUID.randomUUID().toString().substring(0, 8);
        String second = "c" + UUID.randomUUID().toString().substring(0, 8);
        indexDocument(first, "a", "Sleeping bags are rated to minus ten degrees.");
        indexDocument(second, "a", "Headlamps run for forty hours on three batteries.");
        Path root = Files.createTempDirectory(Path.of("target"), "cache-it");
        try (IndexCache cache = new IndexCache(wiring.versionStore(), wiring.indexFiles(), root, 1, Duration.ZERO, System::nanoTime)) {
            assertThat(versionSeen(cache, first)).isEqualTo(1);
            assertThat(versionSeen(cache, second)).isEqualTo(1);
            assertThat(cache.openCount()).isEqualTo(1);
            assertThat(folders(root, first)).isEmpty();
            // and the evicted tenant is simply loaded again when asked
            List<io.edgemesh.tinyml.index.Hit> hits = cache.withIndex(first, i -> i.orElseThrow().bm25("sleeping bags", 5));
            assertThat(hits).hasSize(1);
        }
    }

    @Test
    void givenAnInvalidTenantId_whenSearched_thenThereIsNoIndexAndNoFileIsTouched() throws Exception {
        Path root = Files.createTempDirectory(Path.of("target"), "cache-it");
        try (IndexCache cache = new IndexCache(wiring.versionStore(), wiring.indexFiles(), root)) {
            boolean dots = cache.withIndex("..", i -> i.isPresent());
            boolean colon = cache.withIndex("a:b", i -> i.isPresent());
            assertThat(dots).isFalse();
            assertThat(colon).isFalse();
        }
    }
}
