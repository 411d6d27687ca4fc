package io.edgemesh.orchestrator.chat;

import java.util.List;

/** Asks Layer 5's provider router for a grounded answer over numbered passages. */
public interface AnswerGenerator {
    GeneratedAnswer generate(String tenantId, String question, List<SearchHit> passages, String locale, String intent,
                             long monthlyTokenBudget, String traceparent);
}
