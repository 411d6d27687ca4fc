package io.edgemesh.llm.provider;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * Amazon Bedrock through the model-agnostic Converse API, so one provider covers every Bedrock model
 * a policy names. Data stays in the AWS account's region, which policies may treat as acceptable
 * for tenants that refuse third-party endpoints.
 */
public final class BedrockProvider implements Provider {
    private final BedrockRuntimeClient client;

    public BedrockProvider(BedrockRuntimeClient client) {
        this.client = client;
    }

    @Override
    public String id() { return "bedrock"; }

    @Override
    public boolean local() { return false; }

    @Override
    public Completion complete(CompletionRequest request, Duration timeout) {
        ConverseRequest req = ConverseRequest.builder()
                .modelId(request.model())
                .system(SystemContentBlock.fromText(Prompts.SYSTEM))
                .messages(Message.builder().role(ConversationRole.USER)
                        .content(ContentBlock.fromText(Prompts.user(request))).build())
                .inferenceConfig(InferenceConfiguration.builder().maxTokens(request.maxOutputTokens()).temperature(0.1f).build())
                .overrideConfiguration(o -> o.apiCallTimeout(timeout))
                .build();
        try {
            ConverseResponse resp = client.converse(req);
            String text = resp.output().message().content().stream()
                    .map(ContentBlock::text).filter(t -> t != null).reduce("", String::concat);
            int in = resp.usage() == null ? Tokens.estimate(Prompts.user(request)) : resp.usage().inputTokens();
            int out = resp.usage() == null ? Tokens.estimate(text) : resp.usage().outputTokens();
            return new Completion(text.strip(), Prompts.citedRefs(text, request.passages()), in, out, resp.usage() == null);
        } catch (BedrockRuntimeException e) {
            int status = e.statusCode();
            throw new ProviderException("bedrock answered " + status + ": " + e.awsErrorDetails().errorMessage(),
                    status == 429 || status >= 500, status, e);
        } catch (SdkClientException e) {
            throw new ProviderException("bedrock transport failure: " + e.getMessage(), true, 0, e);
        }
    }

    /** Citation helper for tests of other providers' shapes. */
    static List<Integer> refs(String text, CompletionRequest r) { return Prompts.citedRefs(text, r.passages()); }
}
