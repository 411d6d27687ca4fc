package io.edgemesh.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgemesh.common.ApiException;
import io.edgemesh.common.FunctionConfig;
import io.edgemesh.common.Json;
import io.edgemesh.common.aws.AwsClients;
import io.edgemesh.common.crac.Priming;
import io.edgemesh.common.invoke.EnvelopeHandler;
import io.edgemesh.common.invoke.Invocation;
import io.edgemesh.llm.internal.ProviderFactory;
import io.edgemesh.llm.provider.CompletionRequest;
import io.edgemesh.llm.provider.Passage;
import io.edgemesh.llm.router.ProviderRouter;
import io.edgemesh.llm.router.RoutedAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Layer 5 entry point: operation {@code generate} with {@code {"question","passages":[{ref,documentId,
 * filename,page,text,score}],"locale","intent","monthlyTokenBudget"}} answers
 * {@code {"answer","citedRefs","usage"}} through the provider router.
 */
public final class GenerateHandler extends EnvelopeHandler {
    static final int MAX_PASSAGES = 8;
    static final int MAX_QUESTION = 4000;
    static final int MAX_PASSAGE_CHARS = 8000;

    private final ProviderRouter router;

    public GenerateHandler() {
        this(System.getenv());
    }

    public GenerateHandler(Map<String, String> env) {
        this(FunctionConfig.of(env), AwsClients.from(FunctionConfig.of(env)));
    }

    private GenerateHandler(FunctionConfig config, AwsClients aws) {
        super(config, aws);
        this.router = ProviderFactory.router(config, aws);
        Priming.register("generate", Priming::warmCommon, () -> { });
    }

    @Override
    protected Object handle(Invocation inv) {
        if (!inv.operation().equals("generate")) throw ApiException.notFound("unknown operation " + inv.operation());
        JsonNode b = inv.body();
        String question = b.path("question").asText("");
        if (question.isBlank() || question.length() > MAX_QUESTION) {
            throw ApiException.invalid("question must be 1 to " + MAX_QUESTION + " characters");
        }
        List<Passage> passages = new ArrayList<>();
        for (JsonNode p : b.path("passages")) {
            if (passages.size() == MAX_PASSAGES) break;
            String text = p.path("text").asText("");
            if (text.length() > MAX_PASSAGE_CHARS) text = text.substring(0, MAX_PASSAGE_CHARS);
            passages.add(new Passage(p.path("ref").asInt(passages.size() + 1), p.path("documentId").asText(),
                    p.path("filename").asText(), p.path("page").asInt(), text, p.path("score").asDouble()));
        }
        String locale = b.hasNonNull("locale") ? b.get("locale").asText() : null;
        RoutedAnswer a = router.answer(b.path("intent").asText(null),
                new CompletionRequest(inv.tenantId(), question, passages, locale, null, 400),
                b.path("monthlyTokenBudget").asLong(0));
        ObjectNode out = Json.MAPPER.createObjectNode().put("answer", a.answer());
        out.set("citedRefs", Json.MAPPER.valueToTree(a.citedRefs()));
        out.set("usage", Json.MAPPER.valueToTree(a.usage()));
        return out;
    }
}
