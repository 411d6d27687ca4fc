package io.edgemesh.llm.router;

import java.time.YearMonth;

/** Token and cost accounting per tenant and calendar month (UTC). */
public interface BudgetLedger {

    /** Tokens (input + output) used by remote providers this month. */
    long usedTokens(String tenantId, YearMonth month);

    /** Adds one call's usage; concurrent calls add up exactly. */
    void record(String tenantId, YearMonth month, String provider, int inputTokens, int outputTokens, double costUsd,
                boolean countsAgainstBudget);
}
