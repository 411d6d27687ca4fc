package io.edgemesh.llm.provider;

import java.util.List;

/**
 * What a provider is asked: a grounded question over numbered passages.
 *
 * @param tenantId  who asks (for logs, metrics and budgets)
 * @param question  the visitor's message, already redacted by the firewall
 * @param passages  retrieved passages, best first, numbered for citation
 * @param locale    answer language hint (BCP 47), may be null
 * @param model     the model the route chose (ignored by the extractive provider)
 * @param maxOutputTokens upper bound on the answer's length
 */
public record CompletionRequest(String tenantId, String question, List<Passage> passages, String locale, String model,
                                int maxOutputTokens) {
    public CompletionRequest {
        passages = List.copyOf(passages);
    }

    public CompletionRequest withModel(String m) {
        return new CompletionRequest(tenantId, question, passages, locale, m, maxOutputTokens);
    }
}
