package io.edgemesh.tinyml;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.common.crac.Priming;
import io.edgemesh.common.sqs.CloudEventBatchHandler;
import io.edgemesh.common.sqs.PoisonMessageException;
import io.edgemesh.events.DocumentClean;
import io.edgemesh.events.DocumentDeleted;
import io.edgemesh.events.EdgeMeshEvent;
import io.edgemesh.events.EventType;
import io.edgemesh.events.IndexRequested;
import io.edgemesh.events.ReceivedEvent;
import io.edgemesh.routes.EdgeMeshResources;
import io.edgemesh.tinyml.embed.MiniLm;
import io.edgemesh.tinyml.indexing.DocumentIndexer;
import io.edgemesh.tinyml.indexing.DocumentRefusedException;
import io.edgemesh.tinyml.indexing.SourceDocument;
import io.edgemesh.tinyml.text.LanguageDetection;
import java.util.Map;
import java.util.Set;

/**
 * Lambda handler of the {@code index-requests.fifo} queue (group = tenant, so one invocation writes a
 * tenant's index at a time): {@code DocumentClean} and {@code IndexRequested} index a document,
 * {@code DocumentDeleted} removes one. A refused document (not clean, changed since its scan) is poison
 * and goes to the DLQ; anything transient is retried by the queue.
 */
public final class IndexerHandler extends CloudEventBatchHandler {
    private final DocumentIndexer indexer;

    public IndexerHandler() {
        this(System.getenv());
    }

    public IndexerHandler(Map<String, String> env) {
        this(FunctionConfig.of(env));
    }

    private IndexerHandler(FunctionConfig config) {
        this(new TinyMlWiring(config, AwsClients.from(config)).documentIndexer());
        Priming.register("tiny-ml-indexer", IndexerHandler::prime, null);
    }

    /** For hosts and tests that assemble the indexer themselves. */
    public IndexerHandler(DocumentIndexer indexer) {
        super(EdgeMeshResources.INDEXER.name(), Set.of(EventType.DOCUMENT_CLEAN, EventType.DOCUMENT_DELETED, EventType.INDEX_REQUESTED));
        this.indexer = indexer;
    }

    @Override
    protected void handle(ReceivedEvent<EdgeMeshEvent> event, SQSMessage message, Context context) {
        try {
            switch (event.data()) {
                case DocumentClean e -> indexer.index(new SourceDocument(e.tenantId(), e.documentId(), e.bucket(), e.key(),
                        e.fileName(), e.sha256()), false);
                case IndexRequested e -> indexer.index(new SourceDocument(e.tenantId(), e.documentId(), e.bucket(), e.key(),
                        null, null), true);
                case DocumentDeleted e -> indexer.remove(e.tenantId(), e.documentId());
                default -> throw new PoisonMessageException("unexpected event " + event.type().type());
            }
        } catch (DocumentRefusedException e) {
            throw new PoisonMessageException("document refused: " + e.getMessage(), e);
        }
    }

    /** Loads the model, tokenizer and language models into the snapshot. */
    static void prime() {
        Priming.warmCommon();
        MiniLm.embedder().embedPassages(java.util.List.of("Priming the embedding model before the snapshot."));
        LanguageDetection.detect("Priming the language detector before the snapshot is taken.");
    }
}
