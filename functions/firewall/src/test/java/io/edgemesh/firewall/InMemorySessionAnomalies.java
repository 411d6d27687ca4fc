package io.edgemesh.firewall;

import io.edgemesh.firewall.anomaly.AnomalyPolicy;
import io.edgemesh.firewall.anomaly.SessionAnomalies;
import io.edgemesh.firewall.anomaly.SessionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The anomaly rules without a database, for domain tests; the DynamoDB implementation is tested
 * against DynamoDB Local in {@code DynamoSessionAnomaliesIT} with the same scenarios.
 */
final class InMemorySessionAnomalies implements SessionAnomalies {
    private final AnomalyPolicy policy;
    private final Map<String, long[]> windows = new HashMap<>();
    private final Map<String, List<Long>> blocks = new HashMap<>();
    private final Map<String, Instant> quarantine = new HashMap<>();

    InMemorySessionAnomalies(AnomalyPolicy policy) { this.policy = policy; }

    @Override
    public synchronized SessionStatus recordMessage(String tenantId, String sessionId, Instant now) {
        String k = tenantId + "#" + sessionId;
        long w = now.getEpochSecond() / policy.burstWindow().toSeconds();
        long[] c = windows.computeIfAbsent(k, x -> new long[] {w, 0});
        if (c[0] != w) { c[0] = w; c[1] = 0; }
        c[1]++;
        return new SessionStatus((int) c[1], 0, quarantine.get(k));
    }

    @Override
    public synchronized SessionStatus recordBlock(String tenantId, String sessionId, Instant now) {
        String k = tenantId + "#" + sessionId;
        List<Long> b = blocks.computeIfAbsent(k, x -> new ArrayList<>());
        b.add(now.getEpochSecond());
        long since = now.getEpochSecond() - policy.blockWindow().toSeconds();
        int recent = (int) b.stream().filter(t -> t > since).count();
        if (recent >= policy.blocksToQuarantine()) quarantine.put(k, now.plus(policy.quarantine()));
        return new SessionStatus(0, recent, quarantine.get(k));
    }
}
