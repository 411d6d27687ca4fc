package io.edgemesh.llm.router;

import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A ledger in memory: for unit tests and for benchmarks of the router's own overhead. */
public final class InMemoryBudgetLedger implements BudgetLedger {
    private final Map<String, AtomicLong> used = new ConcurrentHashMap<>();

    @Override
    public long usedTokens(String tenantId, YearMonth month) {
        AtomicLong v = used.get(tenantId + "#" + month);
        return v == null ? 0 : v.get();
    }

    @Override
    public void record(String tenantId, YearMonth month, String provider, int in, int out, double costUsd, boolean counts) {
        if (counts) used.computeIfAbsent(tenantId + "#" + month, k -> new AtomicLong()).addAndGet(in + out);
    }
}
