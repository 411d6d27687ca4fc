package io.edgemesh.llm.internal;

import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.llm.provider.BedrockProvider;
import io.edgemesh.llm.provider.ExtractiveProvider;
import io.edgemesh.llm.provider.OpenAiCompatibleProvider;
import io.edgemesh.llm.provider.Provider;
import io.edgemesh.llm.router.ProviderRouter;
import io.edgemesh.llm.router.RoutingPolicy;
import io.edgemesh.routes.EdgeMeshResources;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * Which providers exist in this deployment, from configuration: the extractive responder always;
 * {@code openai} when {@code EDGEMESH_OPENAI_BASE_URL} is set (key in {@code EDGEMESH_OPENAI_API_KEY},
 * {@code EDGEMESH_OPENAI_LOCAL=true} for servers inside the deployment such as Ollama);
 * {@code bedrock} when {@code EDGEMESH_BEDROCK_ENABLED=true}. The policy is the shipped default unless
 * {@code EDGEMESH_LLM_POLICY} holds a JSON policy.
 */
public final class ProviderFactory {
    private ProviderFactory() { }

    public static ProviderRouter router(FunctionConfig config, AwsClients aws) {
        List<Provider> providers = new ArrayList<>();
        providers.add(new ExtractiveProvider());
        config.get("EDGEMESH_OPENAI_BASE_URL").ifPresent(url -> providers.add(new OpenAiCompatibleProvider("openai", url,
                config.get("EDGEMESH_OPENAI_API_KEY").orElse(null),
                Boolean.parseBoolean(config.get("EDGEMESH_OPENAI_STREAM", "true")),
                Boolean.parseBoolean(config.get("EDGEMESH_OPENAI_LOCAL", "false")))));
        if (Boolean.parseBoolean(config.get("EDGEMESH_BEDROCK_ENABLED", "false"))) {
            providers.add(new BedrockProvider(BedrockRuntimeClient.builder().region(aws.region())
                    .credentialsProvider(aws.credentialsProvider()).build()));
        }
        RoutingPolicy policy = config.get("EDGEMESH_LLM_POLICY").map(RoutingPolicy::parse).orElseGet(RoutingPolicy::defaults);
        return new ProviderRouter(policy, providers,
                new DynamoDbBudgetLedger(aws.dynamoDb(), config.table(EdgeMeshResources.USAGE.name())),
                Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }
}
