package io.edgemesh.tinyml;

import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.tinyml.embed.MiniLm;
import io.edgemesh.tinyml.index.IndexCache;
import io.edgemesh.tinyml.index.VersionStore;
import io.edgemesh.tinyml.index.internal.DynamoVersionStore;
import io.edgemesh.tinyml.index.internal.S3IndexFiles;
import io.edgemesh.tinyml.indexing.DocumentIndexer;
import io.edgemesh.tinyml.indexing.internal.DynamoDocumentStatus;
import io.edgemesh.tinyml.indexing.internal.S3DocumentSource;
import io.edgemesh.tinyml.indexing.internal.SqsIndexEvents;
import io.edgemesh.tinyml.search.SearchService;
import io.edgemesh.tinyml.text.Chunker;
import io.edgemesh.tinyml.text.TextExtractor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds Layer 4's object graph from a function's configuration: the one place that knows which table,
 * bucket and queue each collaborator uses. Optional settings: {@code EDGEMESH_TINYML_DIR} (local index
 * folders, default {@code <tmp>/edgemesh-index} for search and {@code <tmp>/edgemesh-indexer} for the
 * indexer), {@code EDGEMESH_TINYML_MAX_DOCUMENT_MB} (default 50), {@code EDGEMESH_TINYML_OPEN_INDEXES}
 * (default 32) and {@code EDGEMESH_TINYML_VERSION_TTL_MS} (default 1500).
 */
public final class TinyMlWiring {
    public static final String ENV_DIR = "EDGEMESH_TINYML_DIR";
    public static final String ENV_MAX_DOCUMENT_MB = "EDGEMESH_TINYML_MAX_DOCUMENT_MB";
    public static final String ENV_OPEN_INDEXES = "EDGEMESH_TINYML_OPEN_INDEXES";
    public static final String ENV_VERSION_TTL_MS = "EDGEMESH_TINYML_VERSION_TTL_MS";

    private final FunctionConfig config;
    private final AwsClients aws;

    public TinyMlWiring(FunctionConfig config, AwsClients aws) {
        this.config = config;
        this.aws = aws;
    }

    public FunctionConfig config() { return config; }

    public AwsClients aws() { return aws; }

    public VersionStore versionStore() {
        return new DynamoVersionStore(aws.dynamoDb(), config.table(EdgeMeshResources.INDEX_VERSIONS.name()));
    }

    public S3IndexFiles indexFiles() {
        return new S3IndexFiles(aws.s3(), config.bucket(EdgeMeshResources.INDEX.name()));
    }

    private Path dir(String fallbackName) {
        return config.get(ENV_DIR).map(d -> Path.of(d).resolve(fallbackName))
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), fallbackName));
    }

    /** The indexer with the real collaborators, except the version store, which callers may decorate. */
    public DocumentIndexer documentIndexer(VersionStore versions) {
        long maxBytes = config.getInt(ENV_MAX_DOCUMENT_MB, 50) * 1024L * 1024L;
        DynamoDocumentStatus rows = new DynamoDocumentStatus(aws.dynamoDb(), config.table(EdgeMeshResources.DOCUMENTS.name()), Clock.systemUTC());
        return new DocumentIndexer(versions, indexFiles(),
                new S3DocumentSource(aws.s3(), config.bucket(EdgeMeshResources.UPLOADS.name()), maxBytes, rows), rows,
                new SqsIndexEvents(aws.sqs(), config.queueUrl(EdgeMeshResources.TENANT_EVENTS.name())),
                TextExtractor.withDefaults(), Chunker.withDefaults(MiniLm.tokenizer()), MiniLm.embedder(),
                dir("edgemesh-indexer"));
    }

    public DocumentIndexer documentIndexer() {
        return documentIndexer(versionStore());
    }

    public IndexCache indexCache() {
        return new IndexCache(versionStore(), indexFiles(), dir("edgemesh-index"), config.getInt(ENV_OPEN_INDEXES, 32),
                Duration.ofMillis(config.getInt(ENV_VERSION_TTL_MS, 1500)), System::nanoTime);
    }

    public SearchService searchService() {
        return new SearchService(indexCache(), MiniLm.embedder());
    }
}
