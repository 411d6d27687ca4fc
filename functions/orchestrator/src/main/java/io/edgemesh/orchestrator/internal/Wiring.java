package io.edgemesh.orchestrator.internal;

import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.common.invoke.LambdaLayerClient;
import io.edgemesh.common.invoke.LayerClient;
import io.edgemesh.orchestrator.chat.ChatService;
import io.edgemesh.orchestrator.chat.IntentClassifier;
import io.edgemesh.orchestrator.chat.RelevanceGate;
import io.edgemesh.orchestrator.readiness.ReadinessService;
import io.edgemesh.orchestrator.tools.GetDocumentTool;
import io.edgemesh.orchestrator.tools.HandoffToHumanTool;
import io.edgemesh.orchestrator.tools.SearchKnowledgeTool;
import io.edgemesh.orchestrator.tools.ToolRegistry;
import io.edgemesh.routes.EdgeMeshResources;
import java.time.Clock;
import java.util.List;

/** Builds Layer 6's object graph from configuration; the handlers stay thin. */
public final class Wiring {
    private final FunctionConfig config;
    private final AwsClients aws;
    private final Clock clock = Clock.systemUTC();

    public Wiring(FunctionConfig config, AwsClients aws) {
        this.config = config;
        this.aws = aws;
    }

    public DynamoTenants tenants() {
        return new DynamoTenants(aws.dynamoDb(), config.table(EdgeMeshResources.TENANTS.name()));
    }

    public DynamoDocumentCatalog documents() {
        return new DynamoDocumentCatalog(aws.dynamoDb(), config.table(EdgeMeshResources.DOCUMENTS.name()));
    }

    public SqsAuditSink audit() {
        return new SqsAuditSink(aws.sqs(), config.queueUrl(EdgeMeshResources.AUDIT_EVENTS.name()), clock);
    }

    public ChatService chat() {
        LayerClient layers = LambdaLayerClient.create(config, aws);
        ToolRegistry tools = new ToolRegistry(List.of(
                new SearchKnowledgeTool(LayerClients.search(layers)),
                new GetDocumentTool(documents()),
                new HandoffToHumanTool(new DynamoEscalationStore(aws.dynamoDb(), config.table(EdgeMeshResources.ESCALATIONS.name())),
                        audit(), clock)));
        double minSimilarity = Double.parseDouble(config.get("EDGEMESH_MIN_SIMILARITY", "0.35"));
        return new ChatService(tenants(), new DynamoSessionStore(aws.dynamoDb(), config.table(EdgeMeshResources.SESSIONS.name())),
                tools, LayerClients.generator(layers), new RelevanceGate(minSimilarity, 0.5), new IntentClassifier(), clock);
    }

    public ReadinessService readiness() {
        return new ReadinessService(tenants(), documents(), audit());
    }
}
