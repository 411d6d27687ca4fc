package io.edgemesh.orchestrator.eval;

import io.edgemesh.common.Json;
import io.edgemesh.llm.provider.CompletionRequest;
import io.edgemesh.llm.provider.ExtractiveProvider;
import io.edgemesh.llm.provider.Passage;
import io.edgemesh.llm.router.InMemoryBudgetLedger;
import io.edgemesh.llm.router.ProviderRouter;
import io.edgemesh.llm.router.RoutedAnswer;
import io.edgemesh.llm.router.RoutingPolicy;
import io.edgemesh.orchestrator.chat.AnswerGenerator;
import io.edgemesh.orchestrator.chat.GeneratedAnswer;
import io.edgemesh.orchestrator.chat.KnowledgeSearch;
import io.edgemesh.orchestrator.chat.SearchHit;
import io.edgemesh.tinyml.embed.Embedder;
import io.edgemesh.tinyml.embed.MiniLm;
import io.edgemesh.tinyml.index.ChunkRecord;
import io.edgemesh.tinyml.index.IndexBuilder;
import io.edgemesh.tinyml.index.IndexCache;
import io.edgemesh.tinyml.index.IndexFiles;
import io.edgemesh.tinyml.index.IndexVersion;
import io.edgemesh.tinyml.index.IndexedDocument;
import io.edgemesh.tinyml.index.VersionStore;
import io.edgemesh.tinyml.search.SearchMode;
import io.edgemesh.tinyml.search.SearchRequest;
import io.edgemesh.tinyml.search.SearchResult;
import io.edgemesh.tinyml.search.SearchService;
import io.edgemesh.tinyml.text.Block;
import io.edgemesh.tinyml.text.Chunk;
import io.edgemesh.tinyml.text.Chunker;
import io.edgemesh.tinyml.text.DocumentLanguage;
import io.edgemesh.tinyml.text.ExtractedDocument;
import io.edgemesh.tinyml.text.LanguageDetection;
import io.edgemesh.tinyml.text.PageText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Layers 4 and 5 in-process, built from their own classes, for Layer 6's evaluation: one tenant's index
 * made the way the indexer makes it (language detection, the default chunker, MiniLM passage embeddings,
 * {@link IndexBuilder}), searched through {@link SearchService} and {@link IndexCache} as the search
 * function does, and answers from {@link ProviderRouter} with the shipped default policy and the extractive
 * provider only, as the local edge runs it. Only the signed invocations between the layers are left out.
 *
 * <p>{@link #search()} maps a {@link SearchResult} to the orchestrator's {@link SearchHit} as the signed
 * client does ({@code LayerClients.search}): a result without a {@code similarity} (a hit the semantic
 * retriever did not see) gets NaN, which sends the gate to its lexical fallback for that hit.
 */
final class InProcessLayers implements AutoCloseable {
    static final String TENANT = "eval-clapnq";

    private final IndexCache cache;
    private final SearchService searchService;
    private final ProviderRouter router;
    private final int chunks;

    private InProcessLayers(Embedder embedder, IndexCache cache, int chunks) {
        this.cache = cache;
        this.searchService = new SearchService(cache, embedder);
        this.chunks = chunks;
        this.router = new ProviderRouter(RoutingPolicy.defaults(), List.of(new ExtractiveProvider()),
                new InMemoryBudgetLedger(), Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    /** Indexes every passage as a one-page document whose heading is the article title. */
    static InProcessLayers index(List<ClapNq.Passage> corpus, Path root) {
        Embedder embedder = MiniLm.embedder();
        Chunker chunker = Chunker.withDefaults(MiniLm.tokenizer());
        List<ChunkRecord> records = new ArrayList<>();
        List<IndexedDocument> documents = new ArrayList<>();
        List<Chunk> pending = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<DocumentLanguage> languages = new ArrayList<>();
        for (int d = 0; d < corpus.size(); d++) {
            ClapNq.Passage p = corpus.get(d);
            // a PDF of the passage: the title set large (a heading), then the text, all on page 1
            ExtractedDocument doc = new ExtractedDocument(List.of(new PageText(1,
                    p.title().isBlank() ? List.of(new Block(p.text(), false)) : List.of(new Block(p.title(), true), new Block(p.text(), false)))));
            DocumentLanguage language = LanguageDetection.detect(doc);
            languages.add(language);
            List<Chunk> cs = chunker.chunk(doc);
            for (Chunk c : cs) {
                pending.add(c);
                owners.add(d);
            }
            documents.add(new IndexedDocument(p.id(), filename(p), cs.size(), 1, language.code()));
        }
        List<float[]> vectors = embedder.embedPassages(pending.stream().map(Chunk::embeddingText).toList());
        for (int i = 0; i < pending.size(); i++) {
            int d = owners.get(i);
            ClapNq.Passage p = corpus.get(d);
            records.add(new ChunkRecord(p.id(), filename(p), languages.get(d), pending.get(i), vectors.get(i)));
        }
        IndexVersion version = new IndexVersion(TENANT, 1, "1-eval", "local", Instant.now(), documents);
        Path dir = root.resolve(TENANT).resolve(version.versionId());
        IndexBuilder.build(Optional.empty(), dir, Set.of(), records);
        try {
            // as the indexer marks the copy it built: the cache opens it without a download
            Files.writeString(dir.resolve(".verified"), version.versionId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InProcessLayers(embedder, new IndexCache(new FixedVersion(version), new NoDownloads(), root), records.size());
    }

    int chunks() { return chunks; }

    /** Layer 4 as the orchestrator calls it: hybrid mode, {@code k} results with their cosine similarity. */
    KnowledgeSearch search() {
        return (tenantId, query, k, traceparent) -> {
            List<SearchResult> results = searchService.search(tenantId, new SearchRequest(query, k, SearchMode.HYBRID)).results();
            List<SearchHit> hits = new ArrayList<>(results.size());
            for (SearchResult r : results) {
                hits.add(new SearchHit(r.documentId(), r.filename(), r.page(), r.text(), r.score(),
                        r.similarity() == null ? Double.NaN : r.similarity()));
            }
            return hits;
        };
    }

    /** Layer 5 as GenerateHandler runs it: numbered passages, 400 output tokens, the router's default policy. */
    AnswerGenerator generator() {
        return (tenantId, question, passages, locale, intent, budget, traceparent) -> {
            List<Passage> ps = new ArrayList<>();
            for (int i = 0; i < passages.size() && i < 8; i++) {
                SearchHit h = passages.get(i);
                String text = h.text().length() > 8000 ? h.text().substring(0, 8000) : h.text();
                ps.add(new Passage(i + 1, h.documentId(), h.filename(), h.page(), text, h.score()));
            }
            RoutedAnswer a = router.answer(intent, new CompletionRequest(tenantId, question, ps, locale, null, 400), budget);
            return new GeneratedAnswer(a.answer(), a.citedRefs(), Json.MAPPER.valueToTree(a.usage()));
        };
    }

    @Override
    public void close() {
        cache.close();
    }

    private static String filename(ClapNq.Passage p) {
        return (p.title().isBlank() ? p.id() : p.title()) + ".pdf";
    }

    private record FixedVersion(IndexVersion version) implements VersionStore {
        @Override public Optional<IndexVersion> current(String tenantId) {
            return version.tenantId().equals(tenantId) ? Optional.of(version) : Optional.empty();
        }

        @Override public void advance(long expectedVersion, IndexVersion next) {
            throw new UnsupportedOperationException("the evaluation's index has one version");
        }
    }

    /** The index is built in place and marked verified, so nothing is ever uploaded or downloaded. */
    private static final class NoDownloads implements IndexFiles {
        @Override public String upload(String tenantId, long version, String versionId, Path dir, Optional<IndexVersion> previous) {
            throw new UnsupportedOperationException("built in place");
        }

        @Override public void download(IndexVersion version, Path dir) {
            throw new IllegalStateException("the evaluation's index should already be in place at " + dir);
        }

        // no @Override: the method is new in IndexFiles and this must compile on either side of that change
        public void retainOnly(String tenantId, Set<String> keepVersionIds) { }
    }
}
